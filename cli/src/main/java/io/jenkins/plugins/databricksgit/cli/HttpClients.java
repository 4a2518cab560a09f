package io.jenkins.plugins.databricksgit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;

/** The base HTTP client of one run: environment proxy, optional extra CA certificates. */
final class HttpClients {
    private HttpClients() {}

    static OkHttpClient build(CliEnvironment environment, Path caCert) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder();
        EnvironmentProxySelector proxies = EnvironmentProxySelector.fromEnvironment(environment);
        if (proxies != null) {
            builder.proxySelector(proxies);
            builder.proxyAuthenticator((route, response) -> {
                EnvironmentProxySelector.ProxyUrl proxy =
                        proxies.proxyFor(response.request().url().scheme());
                if (proxy == null
                        || proxy.username() == null
                        || response.request().header("Proxy-Authorization") != null) {
                    return null; // no credentials, or they were refused: let the 407 surface
                }
                return response.request()
                        .newBuilder()
                        .header("Proxy-Authorization", Credentials.basic(proxy.username(), proxy.password()))
                        .build();
            });
        }
        if (caCert != null) {
            HandshakeCertificates.Builder certificates = new HandshakeCertificates.Builder();
            certificates.addPlatformTrustedCertificates();
            for (X509Certificate certificate : readCertificates(caCert)) {
                certificates.addTrustedCertificate(certificate);
            }
            HandshakeCertificates trust = certificates.build();
            builder.sslSocketFactory(trust.sslSocketFactory(), trust.trustManager());
        }
        return builder.build();
    }

    /** Reads every certificate of a PEM bundle (or a single DER certificate). */
    static Collection<X509Certificate> readCertificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            @SuppressWarnings("unchecked")
            Collection<X509Certificate> certificates = (Collection<X509Certificate>)
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw CliException.usage("--ca-cert " + file + " holds no certificate (expected PEM)");
            }
            return certificates;
        } catch (IOException e) {
            throw CliException.usage("--ca-cert " + file + " cannot be read: " + e.getMessage());
        } catch (CertificateException e) {
            throw CliException.usage("--ca-cert " + file + " is not a PEM certificate bundle: " + e.getMessage());
        }
    }
}

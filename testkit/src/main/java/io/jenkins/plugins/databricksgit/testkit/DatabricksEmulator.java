package io.jenkins.plugins.databricksgit.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ServerSocketFactory;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import mockwebserver3.MockWebServer;
import okhttp3.Protocol;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * A stateful local emulator of the Databricks workspace APIs this project calls (OAuth M2M, SCIM, git-credentials)
 * and of Bitbucket Cloud's repository endpoint, served over real HTTP or HTTPS on the loopback interface.
 *
 * <p>It keeps identities, tokens and Git credentials and enforces Databricks' rules on them (one credential per
 * provider for service principals, {@code principal_id} only for managers, credential ids scoped per owner, ...), so
 * a client is tested against behaviour rather than scripted replies. Faults can be injected per endpoint and every
 * request is counted per endpoint. All methods are thread-safe; requests are served concurrently, one thread per
 * connection.
 *
 * <p>Secrets it issues are fake and local; it never logs them (only method, path and status).
 */
public final class DatabricksEmulator implements AutoCloseable {
    private static final String LOOPBACK = "127.0.0.1";

    private final MockWebServer server;
    private final Workspace workspace;
    private final BitbucketCloud bitbucket;
    private final EmulatorDispatcher dispatcher;
    private final HandshakeCertificates clientCertificates;
    private final HeldCertificate serverCertificate;
    private final String url;

    private DatabricksEmulator(InetAddress address, int port, boolean https, Clock clock) throws IOException {
        this.workspace = new Workspace(clock);
        this.bitbucket = new BitbucketCloud();
        this.server = new MockWebServer();
        this.dispatcher = new EmulatorDispatcher(workspace, bitbucket, this::drainRecordedRequests);
        server.setDispatcher(dispatcher);
        // One request per connection keeps a dropped connection from taking other requests with it.
        server.setProtocols(List.of(Protocol.HTTP_1_1));
        server.setServerSocketFactory(new EmulatorServerSocketFactory());
        if (https) {
            serverCertificate = new HeldCertificate.Builder()
                    .commonName("localhost")
                    .addSubjectAlternativeName("localhost")
                    .addSubjectAlternativeName("127.0.0.1")
                    .addSubjectAlternativeName("::1")
                    .duration(365, TimeUnit.DAYS)
                    .build();
            HandshakeCertificates serverCertificates = new HandshakeCertificates.Builder()
                    .heldCertificate(serverCertificate)
                    .build();
            server.useHttps(serverCertificates.sslSocketFactory());
            clientCertificates = new HandshakeCertificates.Builder()
                    .addTrustedCertificate(serverCertificate.certificate())
                    .build();
        } else {
            serverCertificate = null;
            clientCertificates = null;
        }
        server.start(address, port);
        String host = address.isAnyLocalAddress() ? LOOPBACK : address.getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        this.url = (https ? "https://" : "http://") + host + ":" + server.getPort();
        workspace.baseUrl(url);
        bitbucket.baseUrl(url);
    }

    /** Starts over HTTP on 127.0.0.1 on a free port. */
    public static DatabricksEmulator start() {
        return start(0, false);
    }

    /**
     * Starts over HTTP on 127.0.0.1 on a free port, judging OAuth token lifetimes by {@code clock}, so that a test
     * expires tokens by moving the clock instead of waiting.
     */
    public static DatabricksEmulator start(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        try {
            return new DatabricksEmulator(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0, false, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the emulator", e);
        }
    }

    /** Starts over HTTPS on 127.0.0.1 on a free port, with a self-signed certificate for localhost and 127.0.0.1. */
    public static DatabricksEmulator startHttps() {
        return start(0, true);
    }

    /** Starts on 127.0.0.1; port 0 picks a free port. */
    public static DatabricksEmulator start(int port, boolean https) {
        try {
            return start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port, https);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts on the given local address; port 0 picks a free port. */
    public static DatabricksEmulator start(InetAddress address, int port, boolean https) {
        Objects.requireNonNull(address, "address");
        try {
            return new DatabricksEmulator(address, port, https, Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the emulator on port " + port, e);
        }
    }

    /** The workspace URL, e.g. {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String url() {
        return url;
    }

    /** The Bitbucket API base URL; it serves {@code GET {it}/2.0/repositories/{workspace}/{slug}}. */
    public String bitbucketApiUrl() {
        return url + "/bitbucket";
    }

    /** The port the emulator listens on. */
    public int port() {
        return server.getPort();
    }

    /** Whether the emulator serves HTTPS. */
    public boolean https() {
        return serverCertificate != null;
    }

    /** Socket factory that trusts the emulator's certificate (HTTPS mode only). */
    public SSLSocketFactory clientSslSocketFactory() {
        return requireHttps().sslSocketFactory();
    }

    /** Trust manager that trusts the emulator's certificate (HTTPS mode only). */
    public X509TrustManager clientTrustManager() {
        return requireHttps().trustManager();
    }

    /** The emulator's certificate in PEM form (HTTPS mode only), for clients outside this JVM. */
    public String certificatePem() {
        requireHttps();
        return serverCertificate.certificatePem();
    }

    private HandshakeCertificates requireHttps() {
        if (clientCertificates == null) {
            throw new IllegalStateException("the emulator was started without HTTPS");
        }
        return clientCertificates;
    }

    /** Adds a workspace user with a random numeric id. */
    public EmulatedPrincipal addUser(String userName, String displayName) {
        return workspace.addUser(userName, displayName);
    }

    /** Adds a service principal with a random applicationId (UUID) and a random 13-16 digit numeric id. */
    public EmulatedPrincipal addServicePrincipal(String displayName) {
        return workspace.addServicePrincipal(displayName);
    }

    /** Adds a service principal with the given ids. */
    public EmulatedPrincipal addServicePrincipal(long id, String applicationId, String displayName) {
        return workspace.addServicePrincipal(id, applicationId, displayName);
    }

    /** Issues a personal access token ({@code dapi} + 32 hex characters) for the principal. */
    public String issuePat(EmulatedPrincipal owner) {
        return workspace.issuePat(owner);
    }

    /** Registers a personal access token with a value chosen by the caller (e.g. from a config file). */
    public String registerPat(EmulatedPrincipal owner, String token) {
        return workspace.registerPat(owner, token);
    }

    /** Revokes a personal access token; later requests with it get 403 "Invalid access token.". */
    public void revokePat(String token) {
        workspace.revokePat(token);
    }

    /** Issues an OAuth M2M secret for a service principal; the client id is its applicationId. */
    public OAuthClient issueOAuthSecret(EmulatedPrincipal servicePrincipal) {
        return workspace.issueOAuthSecret(servicePrincipal);
    }

    /** Registers an OAuth M2M secret with a value chosen by the caller. */
    public OAuthClient registerOAuthSecret(EmulatedPrincipal servicePrincipal, String clientSecret) {
        return workspace.registerOAuthSecret(servicePrincipal, clientSecret);
    }

    /** Makes {@code manager} a Service Principal Manager of {@code servicePrincipal}, allowing its principal_id. */
    public void grantManager(EmulatedPrincipal manager, EmulatedPrincipal servicePrincipal) {
        workspace.grantManager(manager, servicePrincipal);
    }

    /** Legacy workspaces allow one Git credential per principal in total (400 {@code INVALID_STATE} on a second). */
    public void setLegacyOneCredentialPerUser(boolean legacy) {
        workspace.legacyOneCredentialPerUser(legacy);
    }

    /** Lifetime of OAuth access tokens issued from now on (default one hour). */
    public void setOAuthTokenLifetime(Duration lifetime) {
        workspace.oauthTokenLifetime(Objects.requireNonNull(lifetime, "lifetime"));
    }

    /** Expires every OAuth access token issued so far; requests with them get 403 "Invalid access token.". */
    public void expireAllOAuthTokens() {
        workspace.expireAllOAuthTokens();
    }

    /** All principals, users and service principals, in the order they were added. */
    public List<EmulatedPrincipal> principals() {
        return workspace.principals();
    }

    /**
     * Issues a Bitbucket Cloud repository access token ({@code ATCTT3xFfGN0} + random) for one repository. Scope
     * {@code repository} is Repositories: Read; {@code repository:write}, {@code :admin} and {@code :delete} imply it.
     */
    public String addBitbucketRepositoryToken(String workspace, String repository, Set<String> scopes) {
        return bitbucket.addRepositoryToken(workspace, repository, scopes);
    }

    /** Registers a Bitbucket repository access token with a value chosen by the caller. */
    public String registerBitbucketRepositoryToken(
            String workspace, String repository, Set<String> scopes, String token) {
        return bitbucket.registerRepositoryToken(workspace, repository, scopes, token);
    }

    /** Revokes a Bitbucket token; later requests with it get 401. */
    public void revokeBitbucketToken(String token) {
        bitbucket.revokeToken(token);
    }

    /** The Git credentials the principal owns now, stored tokens included. */
    public List<StoredGitCredential> gitCredentials(EmulatedPrincipal owner) {
        return workspace.gitCredentials(Objects.requireNonNull(owner, "owner"));
    }

    /**
     * Deletes the principal's Git credentials as someone outside the code under test would (a person in the
     * Databricks UI, another tool); no request is counted.
     */
    public void deleteGitCredentials(EmulatedPrincipal owner) {
        workspace.deleteGitCredentials(Objects.requireNonNull(owner, "owner"));
    }

    /** Queues a fault for the next {@link Fault#count()} requests to the endpoint, after faults already queued. */
    public void inject(Endpoint endpoint, Fault fault) {
        dispatcher.inject(Objects.requireNonNull(endpoint, "endpoint"), Objects.requireNonNull(fault, "fault"));
    }

    /**
     * Queues a fault for the next {@link Fault#count()} requests to any of the endpoints, e.g. "the next write,
     * whichever it is". Faults queued for one endpoint with {@link #inject} play first.
     */
    public void injectAny(Set<Endpoint> endpoints, Fault fault) {
        Objects.requireNonNull(endpoints, "endpoints");
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("no endpoint");
        }
        dispatcher.injectAny(endpoints, Objects.requireNonNull(fault, "fault"));
    }

    /**
     * Delays the headers of every answer by {@code latency} (zero turns it off), on top of any injected fault, as a
     * workspace far away would: each round trip then costs at least that much. Requests are applied on arrival.
     */
    public void setLatency(Duration latency) {
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        dispatcher.latency(latency.toMillis());
    }

    /** Removes all pending faults. */
    public void clearFaults() {
        dispatcher.clearFaults();
    }

    /** Requests received for the endpoint since start or the last {@link #resetCounts()}, faulted ones included. */
    public int requestCount(Endpoint endpoint) {
        return dispatcher.count(endpoint);
    }

    /** A snapshot of all counts, every endpoint present. */
    public Map<Endpoint, Integer> requestCounts() {
        return dispatcher.counts();
    }

    /** Sets all counts to zero. */
    public void resetCounts() {
        dispatcher.resetCounts();
    }

    /** Receives one line per request: method, path and status (never headers, query or body). */
    public void setAccessLog(Consumer<String> accessLog) {
        dispatcher.accessLog(accessLog);
    }

    private void drainRecordedRequests() {
        try {
            while (server.takeRequest(0, TimeUnit.NANOSECONDS) != null) {
                // discard
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The factory the server's listening socket comes from, so tests can check the options it sets. */
    ServerSocketFactory serverSocketFactory() {
        return server.getServerSocketFactory();
    }

    /** Stops serving and closes open connections. */
    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "DatabricksEmulator[" + url + "]";
    }
}

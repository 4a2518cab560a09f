package io.jenkins.plugins.databricksgit.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Chooses a proxy the way curl and the Databricks SDKs read {@code HTTPS_PROXY}, {@code HTTP_PROXY} and
 * {@code NO_PROXY} (either case): https URLs use {@code HTTPS_PROXY}, http URLs {@code HTTP_PROXY}; a host listed
 * in {@code NO_PROXY} (exactly, or as a domain suffix; {@code *} for all) goes direct. Java's default selector
 * reads system properties only, so without this a CI proxy would be ignored.
 */
final class EnvironmentProxySelector extends ProxySelector {
    private final ProxyUrl httpsProxy;
    private final ProxyUrl httpProxy;
    private final List<String> noProxy;

    EnvironmentProxySelector(ProxyUrl httpsProxy, ProxyUrl httpProxy, List<String> noProxy) {
        this.httpsProxy = httpsProxy;
        this.httpProxy = httpProxy;
        this.noProxy = List.copyOf(noProxy);
    }

    /** Reads the environment; {@code null} when no proxy variable is set. */
    static EnvironmentProxySelector fromEnvironment(CliEnvironment environment) {
        ProxyUrl https = ProxyUrl.parse(environment.first("HTTPS_PROXY", "https_proxy"), "HTTPS_PROXY");
        ProxyUrl http = ProxyUrl.parse(environment.first("HTTP_PROXY", "http_proxy"), "HTTP_PROXY");
        if (https == null && http == null) {
            return null;
        }
        List<String> noProxy = new ArrayList<>();
        String list = environment.first("NO_PROXY", "no_proxy");
        if (list != null) {
            for (String entry : list.split(",")) {
                String host = entry.strip().toLowerCase(Locale.ROOT);
                if (!host.isEmpty()) {
                    noProxy.add(host);
                }
            }
        }
        return new EnvironmentProxySelector(https, http, noProxy);
    }

    @Override
    public List<Proxy> select(URI uri) {
        ProxyUrl proxy = "https".equalsIgnoreCase(uri.getScheme()) ? httpsProxy : httpProxy;
        if (proxy == null || bypassed(uri.getHost(), uri.getPort())) {
            return List.of(Proxy.NO_PROXY);
        }
        return List.of(proxy.proxy());
    }

    /** The proxy that carries {@code uri}'s requests, for its credentials. */
    ProxyUrl proxyFor(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? httpsProxy : httpProxy;
    }

    boolean bypassed(String host, int port) {
        if (host == null) {
            return true;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        for (String entry : noProxy) {
            if (entry.equals("*")) {
                return true;
            }
            String pattern = entry;
            int colon = pattern.lastIndexOf(':');
            if (colon > 0
                    && pattern.indexOf(':') == colon
                    && pattern.substring(colon + 1).matches("\\d+")) {
                if (Integer.parseInt(pattern.substring(colon + 1)) != port) {
                    continue;
                }
                pattern = pattern.substring(0, colon);
            }
            if (pattern.startsWith("*.")) {
                pattern = pattern.substring(1);
            }
            if (pattern.startsWith(".")) {
                if (h.endsWith(pattern) || h.equals(pattern.substring(1))) {
                    return true;
                }
            } else if (h.equals(pattern) || h.endsWith("." + pattern)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // The HTTP client reports the failure to the caller; there is no alternative proxy to fall back to.
    }

    /** A proxy URL such as {@code http://user:password@proxy.example.com:3128}; the password is never printed. */
    record ProxyUrl(String host, int port, String username, String password) {
        static ProxyUrl parse(String raw, String variable) {
            if (raw == null) {
                return null;
            }
            String value = raw.contains("://") ? raw : "http://" + raw;
            URI uri;
            try {
                uri = URI.create(value);
            } catch (IllegalArgumentException e) {
                throw CliException.usage(variable + " is not a URL like http://proxy.example.com:3128");
            }
            if (uri.getHost() == null) {
                throw CliException.usage(variable + " has no host; expected a URL like http://proxy.example.com:3128");
            }
            if (!"http".equalsIgnoreCase(uri.getScheme())) {
                throw CliException.usage(variable + " must be an http:// proxy URL (the proxy tunnels https)");
            }
            int port = uri.getPort() > 0 ? uri.getPort() : 80;
            String username = null;
            String password = null;
            String userInfo = uri.getUserInfo();
            if (userInfo != null) {
                int colon = userInfo.indexOf(':');
                username = colon < 0 ? userInfo : userInfo.substring(0, colon);
                password = colon < 0 ? "" : userInfo.substring(colon + 1);
            }
            return new ProxyUrl(uri.getHost(), port, username, password);
        }

        Proxy proxy() {
            return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
        }

        @Override
        public String toString() {
            return "http://" + (username == null ? "" : username + ":****@") + host + ":" + port;
        }
    }
}

package io.jenkins.plugins.databricksgit.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * A Databricks workspace URL normalised to {@code scheme://host[:port]}. A URL pasted from the browser (trailing
 * slash, {@code ?o=<workspace id>}, {@code #fragment}, a UI path) is accepted and what was dropped is reported;
 * user-info, non-http(s) schemes, a missing host and plain http to a non-loopback host are rejected.
 */
public final class WorkspaceUrl {
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Pattern HOST_WITH_PORT = Pattern.compile("^[^/:]+:\\d+(/.*)?$");
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("^127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$");

    private final HttpUrl base;
    private final String url;
    private final List<String> dropped;

    private WorkspaceUrl(HttpUrl base, List<String> dropped) {
        this.base = base;
        String s = base.toString();
        this.url = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        this.dropped = List.copyOf(dropped);
    }

    /** @throws IllegalArgumentException with an actionable message when the URL cannot be a workspace URL */
    public static WorkspaceUrl parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException(
                    "The Databricks workspace URL is empty. Give it as https://<workspace host>, for example"
                            + " https://adb-1234567890123456.7.azuredatabricks.net.");
        }
        String text = raw.strip();
        var scheme = SCHEME.matcher(text);
        if (!text.contains("://")
                && (!scheme.find() || HOST_WITH_PORT.matcher(text).matches())) {
            String example = text.contains("@") ? "<workspace host>" : text;
            throw new IllegalArgumentException("The Databricks workspace URL has no scheme. Write it as https://"
                    + example + " (the address of the workspace in your browser).");
        }
        scheme = SCHEME.matcher(text);
        String schemeName = scheme.find() ? scheme.group(1).toLowerCase(Locale.ROOT) : "";
        if (!schemeName.equals("https") && !schemeName.equals("http")) {
            throw new IllegalArgumentException("The Databricks workspace URL must start with https://, not "
                    + (schemeName.isEmpty() ? "something else" : schemeName + ":")
                    + ". Use the address of the workspace in your browser.");
        }
        HttpUrl parsed = HttpUrl.parse(text);
        if (parsed == null) {
            throw new IllegalArgumentException("The Databricks workspace URL has no valid host name. Write it as"
                    + " https://<workspace host>, for example https://adb-1234567890123456.7.azuredatabricks.net.");
        }
        if (!parsed.username().isEmpty() || !parsed.password().isEmpty()) {
            // The user-info may be a token: never repeat it.
            throw new IllegalArgumentException("The Databricks workspace URL must not contain a user name or"
                    + " password before the host (user@host). Remove them and give the token as a credential.");
        }
        if (parsed.scheme().equals("http") && !isLoopback(parsed.host())) {
            throw new IllegalArgumentException("The Databricks workspace URL must use https:// (plain http is only"
                    + " accepted for a local test server on localhost). Use https://" + hostPort(parsed) + ".");
        }
        List<String> dropped = new ArrayList<>();
        String path = parsed.encodedPath();
        if (!path.equals("/")) {
            dropped.add("the path " + path);
        }
        if (parsed.encodedQuery() != null) {
            dropped.add("the query ?" + parsed.encodedQuery());
        }
        if (parsed.encodedFragment() != null) {
            dropped.add("the fragment #" + parsed.encodedFragment());
        }
        HttpUrl base = new HttpUrl.Builder()
                .scheme(parsed.scheme())
                .host(parsed.host())
                .port(parsed.port())
                .build();
        return new WorkspaceUrl(base, dropped);
    }

    /** Whether the host is this machine: {@code localhost}, {@code 127.0.0.0/8} or {@code ::1}. */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost")
                || h.equals("::1")
                || IPV4_LOOPBACK.matcher(h).matches();
    }

    private static String hostPort(HttpUrl u) {
        String host = u.host().contains(":") ? "[" + u.host() + "]" : u.host();
        return u.port() == HttpUrl.defaultPort(u.scheme()) ? host : host + ":" + u.port();
    }

    /** {@code scheme://host[:port]}, no trailing slash. */
    public String url() {
        return url;
    }

    /** The host name, for messages. */
    public String host() {
        return base.host();
    }

    /** The URL as an OkHttp {@link HttpUrl} with the path {@code /}, to build request URLs from. */
    public HttpUrl httpUrl() {
        return base;
    }

    /** Human-readable notes on what {@link #parse} dropped, e.g. {@code "the path /browse/folders/1"}. */
    public List<String> dropped() {
        return dropped;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkspaceUrl other && url.equals(other.url);
    }

    @Override
    public int hashCode() {
        return url.hashCode();
    }

    @Override
    public String toString() {
        return url;
    }
}

package io.jenkins.plugins.databricksgit.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * The hosts a Databricks credential may be sent to when a pipeline names the host itself instead of a configured
 * workspace. Each pattern is a host name ({@code adb-1234567890123456.7.azuredatabricks.net}, {@code 127.0.0.1},
 * {@code [::1]}) or {@code *.} followed by a domain of at least two labels ({@code *.cloud.databricks.com}), which
 * matches every host inside that domain but not the domain itself; either may end in {@code :port} to allow only that
 * port. Host names are compared as {@link WorkspaceUrl} normalises them (lower case, IDNA), so a pattern cannot be
 * fooled by case or by Unicode look-alikes. An empty list allows no host.
 *
 * <p>Matching is done on a parsed {@link WorkspaceUrl}, never on text: {@code https://x.cloud.databricks.com.evil.io}
 * and {@code https://x.cloud.databricks.com@evil.io} are hosts in {@code evil.io}, or not workspace URLs at all.
 */
public final class HostPatterns {
    /**
     * The DNS zones of Databricks' production deployments (AWS, AWS GovCloud, Azure, Azure Government, Azure China,
     * Google Cloud), as the Databricks SDKs list them. Workspace, account console and private-link hosts all lie in
     * them: private connectivity changes how a workspace host resolves, not its name.
     */
    public static final List<String> DATABRICKS_DEFAULTS = List.of(
            "*.cloud.databricks.com",
            "*.cloud.databricks.us",
            "*.cloud.databricks.mil",
            "*.azuredatabricks.net",
            "*.databricks.azure.us",
            "*.databricks.azure.cn",
            "*.gcp.databricks.com");

    private static final HostPatterns NONE = new HostPatterns(List.of(), List.of());
    private static final Pattern PORT = Pattern.compile(":(\\d{1,5})$");

    private record Entry(boolean wildcard, String host, int port) {
        boolean matches(String h, int p) {
            if (port != -1 && port != p) {
                return false;
            }
            return wildcard ? h.endsWith("." + host) : h.equals(host);
        }
    }

    private final List<String> patterns;
    private final List<Entry> entries;

    private HostPatterns(List<String> patterns, List<Entry> entries) {
        this.patterns = patterns;
        this.entries = entries;
    }

    /** The Databricks domains: {@link #DATABRICKS_DEFAULTS}. */
    public static HostPatterns databricksDefaults() {
        return of(DATABRICKS_DEFAULTS);
    }

    /** Allows no host. */
    public static HostPatterns none() {
        return NONE;
    }

    /**
     * Parses one pattern per line (commas also separate them); blank lines and lines starting with {@code #} are
     * ignored.
     *
     * @throws IllegalArgumentException naming the first pattern that is not a host name, a {@code *.domain} or
     *     either with a port
     */
    public static HostPatterns parse(String text) {
        List<String> given = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                for (String part : l.split(",")) {
                    if (!part.isBlank()) {
                        given.add(part.strip());
                    }
                }
            }
        }
        return of(given);
    }

    /** @throws IllegalArgumentException naming the first pattern that is not valid */
    public static HostPatterns of(List<String> given) {
        List<String> patterns = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (String raw : given) {
            Entry e = entry(raw.strip());
            String normal = (e.wildcard() ? "*." : "") + bracketed(e.host()) + (e.port() == -1 ? "" : ":" + e.port());
            if (!patterns.contains(normal)) {
                patterns.add(normal);
                entries.add(e);
            }
        }
        return patterns.isEmpty() ? NONE : new HostPatterns(List.copyOf(patterns), List.copyOf(entries));
    }

    private static Entry entry(String raw) {
        String text = raw;
        int port = -1;
        var m = PORT.matcher(text);
        // A bare IPv6 address ends in digits after a colon too: only brackets make a port unambiguous for it.
        if (m.find() && (text.startsWith("[") ? text.indexOf(']') == m.start() - 1 : text.indexOf(':') == m.start())) {
            port = Integer.parseInt(m.group(1));
            if (port < 1 || port > 65535) {
                throw invalid(raw, "the port must be between 1 and 65535");
            }
            text = text.substring(0, m.start());
        }
        boolean wildcard = text.startsWith("*.");
        String host = wildcard ? text.substring(2) : text;
        if (host.isEmpty() || host.contains("*")) {
            throw invalid(raw, "a * may only stand for the leading labels, as in *.cloud.databricks.com");
        }
        if (host.contains("/") || host.contains("@") || host.contains("?") || host.contains("#")) {
            throw invalid(raw, "give the host name only, without scheme, path or user name");
        }
        HttpUrl parsed = HttpUrl.parse("https://" + host + "/");
        if (parsed == null) {
            throw invalid(raw, "it is not a host name");
        }
        String canonical = parsed.host();
        if (wildcard && (isIpAddress(canonical) || !canonical.contains("."))) {
            throw invalid(raw, "*. must be followed by a domain of at least two labels, such as *.example.com");
        }
        return new Entry(wildcard, canonical, port);
    }

    private static boolean isIpAddress(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    private static String bracketed(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static IllegalArgumentException invalid(String raw, String why) {
        return new IllegalArgumentException("\"" + raw + "\" is not a host pattern: " + why + ".");
    }

    /** Whether no host is allowed. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The patterns, normalised, in the order given and without duplicates. */
    public List<String> patterns() {
        return patterns;
    }

    /** Whether the workspace URL's host (and port) matches a pattern. */
    public boolean allows(WorkspaceUrl url) {
        HttpUrl u = url.httpUrl();
        String host = u.host().toLowerCase(Locale.ROOT);
        for (Entry e : entries) {
            if (e.matches(host, u.port())) {
                return true;
            }
        }
        return false;
    }

    /** The patterns one per line, as an administrator would enter them. */
    public String toText() {
        return String.join("\n", patterns);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostPatterns other && patterns.equals(other.patterns);
    }

    @Override
    public int hashCode() {
        return patterns.hashCode();
    }

    @Override
    public String toString() {
        return patterns.isEmpty() ? "no host" : String.join(", ", patterns);
    }
}

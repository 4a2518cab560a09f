package io.jenkins.plugins.databricksgit.core;

import java.util.List;

/**
 * A Databricks workspace URL normalised to {@code scheme://host[:port]}. A URL pasted from the browser (trailing
 * slash, {@code ?o=<workspace id>}, {@code #fragment}, a UI path) is accepted and what was dropped is reported;
 * user-info, non-http(s) schemes, a missing host and plain http to a non-loopback host are rejected.
 */
public final class WorkspaceUrl {
    private WorkspaceUrl() {
        throw new UnsupportedOperationException("API contract; implemented in the core issue");
    }

    /** @throws IllegalArgumentException with an actionable message when the URL cannot be a workspace URL */
    public static WorkspaceUrl parse(String raw) {
        throw new UnsupportedOperationException();
    }

    /** {@code scheme://host[:port]}, no trailing slash. */
    public String url() {
        throw new UnsupportedOperationException();
    }

    /** Human-readable notes on what {@link #parse} dropped, e.g. {@code "the path /browse/folders/1"}. */
    public List<String> dropped() {
        throw new UnsupportedOperationException();
    }
}

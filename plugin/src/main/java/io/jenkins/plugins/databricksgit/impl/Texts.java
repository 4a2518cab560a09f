package io.jenkins.plugins.databricksgit.impl;

final class Texts {
    private Texts() {}

    /** Blank becomes {@code null}, so that unset options stay out of Configuration as Code exports. */
    static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

package io.jenkins.plugins.databricksgit.core;

/**
 * A Databricks identity. {@code id} is the numeric SCIM id that git-credentials calls take as {@code principal_id};
 * {@code applicationId} is the service principal's UUID ({@code null} for users).
 *
 * <p>The engine asks Databricks only for what a push needs, so some fields may be unknown: a service principal that
 * authenticates as itself with OAuth is known by its applicationId (the OAuth client id) alone, with {@code id} 0 and
 * no display name; one named by numeric id for its manager is known by {@code id} alone.
 *
 * @param id the numeric id, or 0 when not known
 * @param displayName for messages, or {@code null} when not known
 */
public record Principal(long id, String applicationId, String displayName, boolean servicePrincipal) {
    /**
     * How messages name the principal, as far as it is known: {@code deploy-bot (1234)}, {@code 1234}, or the
     * applicationId.
     */
    public String label() {
        String ref = id != 0 ? String.valueOf(id) : applicationId != null ? applicationId : "id unknown";
        return displayName != null && !displayName.isBlank() ? displayName + " (" + ref + ")" : ref;
    }
}

package io.jenkins.plugins.databricksgit.core.internal;

import java.util.Locale;

/**
 * Identifies one Git credential slot: a service principal may hold one credential per provider, so pushes, leases and
 * known ids are all keyed by workspace, principal and provider. The principal is named by exactly one of its two
 * identities, whichever this engine learnt first ({@link Principals} maps the other one onto it): its numeric id, or
 * its applicationId (lower case). The provider is compared case-insensitively, as Databricks does.
 *
 * @param principalId the numeric id, or 0 when the key names the applicationId
 * @param applicationId the applicationId in lower case, or {@code null} when the key names the numeric id
 */
public record CredentialKey(String workspaceUrl, long principalId, String applicationId, String provider) {
    public CredentialKey {
        provider = provider.toLowerCase(Locale.ROOT);
        applicationId = applicationId == null ? null : applicationId.toLowerCase(Locale.ROOT);
        if ((principalId != 0) == (applicationId != null)) {
            throw new IllegalArgumentException("a credential key names the numeric id or the applicationId");
        }
    }

    /** The same principal's slot for another provider. */
    public CredentialKey withProvider(String gitProvider) {
        return new CredentialKey(workspaceUrl, principalId, applicationId, gitProvider);
    }
}

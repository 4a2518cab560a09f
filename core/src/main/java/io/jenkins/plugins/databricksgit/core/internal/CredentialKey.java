package io.jenkins.plugins.databricksgit.core.internal;

import java.util.Locale;

/**
 * Identifies one Git credential slot: a service principal may hold one credential per provider, so pushes, leases and
 * known ids are all keyed by workspace, principal and provider. The provider is compared case-insensitively, as
 * Databricks does.
 */
public record CredentialKey(String workspaceUrl, long principalId, String provider) {
    public CredentialKey {
        provider = provider.toLowerCase(Locale.ROOT);
    }
}

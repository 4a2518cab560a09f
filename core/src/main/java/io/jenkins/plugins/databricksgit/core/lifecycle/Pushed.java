package io.jenkins.plugins.databricksgit.core.lifecycle;

import io.jenkins.plugins.databricksgit.core.Principal;

/**
 * A push that succeeded.
 *
 * @param removalId the pending removal to finish later, or {@code null} when the credential is kept
 */
public record Pushed(long credentialId, boolean created, Principal principal, String workspaceUrl, String removalId) {}

package io.jenkins.plugins.databricksgit.core;

/**
 * @param created {@code true} when the credential was created, {@code false} when an existing one was updated
 * @param lease the lease to release later, or {@code null} when the credential is kept
 */
public record PushResult(long credentialId, boolean created, Principal principal, String workspaceUrl, Lease lease) {}

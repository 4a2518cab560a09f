package io.jenkins.plugins.databricksgit.core;

import java.time.Duration;

/**
 * Pushes Bitbucket tokens to Databricks principals as their {@code bitbucketCloud} Git credential and removes them
 * again, safely under concurrency inside one JVM. One instance serves a whole Jenkins controller or CLI run.
 */
public final class GitCredentialEngine {
    public GitCredentialEngine() {
        throw new UnsupportedOperationException("API contract; implemented in the core issue");
    }

    /** Creates or updates the principal's bitbucketCloud credential (x-token-auth). */
    public PushResult push(PushRequest request) throws DatabricksException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    /** Releases a lease; the credential is removed when this was the last holder and nobody asked to keep it. */
    public RemoveResult release(Lease lease, DatabricksClient client) throws DatabricksException {
        throw new UnsupportedOperationException();
    }

    /** Removes a credential by id, regardless of leases (explicit user action). */
    public RemoveResult remove(Target target, long credentialId) throws DatabricksException {
        throw new UnsupportedOperationException();
    }

    /** Removes the principal's bitbucketCloud credential, whatever its id. */
    public RemoveResult removeBitbucketCredential(Target target) throws DatabricksException {
        throw new UnsupportedOperationException();
    }

    /** Re-registers a lease persisted before a restart, so that its credential stays protected. */
    public void restore(Lease lease) {
        throw new UnsupportedOperationException();
    }

    /** Default wait for a different-token push while a lease is held. */
    public static final Duration DEFAULT_WAIT_TIMEOUT = Duration.ofMinutes(10);
}

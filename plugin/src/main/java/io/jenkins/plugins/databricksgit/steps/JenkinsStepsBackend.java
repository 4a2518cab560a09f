package io.jenkins.plugins.databricksgit.steps;

import hudson.AbortException;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.databricksgit.core.lifecycle.CredentialLifecycle;
import io.jenkins.plugins.databricksgit.core.lifecycle.RemovalStore;

/** The backend inside Jenkins. */
final class JenkinsStepsBackend implements StepsBackend {
    static StepsBackend create() {
        throw new UnsupportedOperationException();
    }

    @Override
    public CredentialLifecycle lifecycle() {
        throw new UnsupportedOperationException();
    }

    @Override
    public ResolvedPush resolve(BuildContext build, PushParameters parameters) throws AbortException {
        throw new AbortException("not yet");
    }

    @Override
    public Secret tokenSecret(Run<?, ?> run, String credentialsId) {
        return null;
    }

    @Override
    public String charset(Run<?, ?> run) {
        return run.getCharset().name();
    }

    @Override
    public RemovalStore store(BuildContext build) {
        return PendingRemovalsAction.storeOf(build.run());
    }

    @Override
    public String buildId(BuildContext build) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String holder(BuildContext build) {
        throw new UnsupportedOperationException();
    }
}

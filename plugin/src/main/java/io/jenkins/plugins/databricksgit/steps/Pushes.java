package io.jenkins.plugins.databricksgit.steps;

import hudson.AbortException;
import io.jenkins.plugins.databricksgit.core.DatabricksException;
import io.jenkins.plugins.databricksgit.core.PushInputs;
import io.jenkins.plugins.databricksgit.core.lifecycle.Cleanup;
import io.jenkins.plugins.databricksgit.core.lifecycle.CredentialLifecycle;
import io.jenkins.plugins.databricksgit.core.lifecycle.PushSpec;
import io.jenkins.plugins.databricksgit.core.lifecycle.Pushed;
import java.io.IOException;
import java.time.Duration;

/** The push shared by both steps and the build wrapper. */
final class Pushes {
    private Pushes() {}

    /**
     * Rejects what cannot work before anything is looked up or recorded (a null id would end in a
     * NullPointerException, a service principal given by name would leave a removal behind that can never succeed):
     * one clear line, and nothing for the administrators.
     */
    static void validate(PushParameters p) throws AbortException {
        if (p.getCredentialsId() == null) {
            throw new AbortException(Messages.Pushes_credentialsIdMissing());
        }
        if (p.getWorkspace() == null && p.getHost() == null) {
            throw new AbortException(Messages.Pushes_workspaceMissing());
        }
        if (p.getWorkspace() != null && p.getHost() != null) {
            throw new AbortException(Messages.Pushes_workspaceAndHost(p.getWorkspace(), p.getHost()));
        }
        if (p.getHost() != null && p.getDatabricksCredentialsId() == null) {
            throw new AbortException(Messages.Pushes_databricksCredentialsIdMissing(p.getHost()));
        }
        if (p.getWaitTimeout() != null && p.getWaitTimeout() < 0) {
            throw new AbortException(Messages.Pushes_negativeWaitTimeout(p.getWaitTimeout()));
        }
        try {
            if (p.getHost() != null) {
                PushInputs.host(p.getHost());
            }
            PushInputs.check(
                    p.getServicePrincipal(),
                    p.getName(),
                    p.getGitEmail(),
                    p.getWaitTimeout() == null ? null : Duration.ofSeconds(p.getWaitTimeout()));
        } catch (IllegalArgumentException e) {
            throw new AbortException(Messages.Pushes_invalid(e.getMessage()));
        }
    }

    static Pushed push(
            StepsBackend backend, BuildContext build, PushParameters p, Cleanup cleanup, ResolvedPush resolved)
            throws IOException, InterruptedException {
        PushSpec spec = new PushSpec(
                backend.buildId(build),
                backend.holder(build),
                cleanup,
                resolved.workspace(),
                resolved.databricksCredentialsId(),
                resolved.target().servicePrincipal(),
                resolved.target(),
                resolved.token(),
                p.getName(),
                p.getGitEmail(),
                resolved.verifyWith(),
                p.getWaitTimeout() == null ? null : Duration.ofSeconds(p.getWaitTimeout()));
        for (String dropped : resolved.target().client().workspace().dropped()) {
            // A URL pasted from the browser: its host is unambiguous, so it is used, and the user told.
            build.log()
                    .accept(CredentialLifecycle.PREFIX
                            + Messages.Pushes_urlTrimmed(
                                    resolved.target().client().workspace().url(), dropped));
        }
        try {
            return backend.lifecycle().push(spec, backend.store(build), build.log());
        } catch (DatabricksException | IllegalArgumentException | IllegalStateException e) {
            throw new AbortException(CredentialLifecycle.PREFIX
                    + Messages.Pushes_failed(
                            resolved.workspace() != null ? resolved.workspace() : p.getHost(), e.getMessage()));
        }
    }
}

package io.jenkins.plugins.databricksgit.steps;

import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.databricksgit.core.lifecycle.CredentialLifecycle;
import io.jenkins.plugins.databricksgit.core.lifecycle.RemovalStore;
import java.io.IOException;

/**
 * Everything the steps, the build wrapper and the listeners need from Jenkins, behind one seam: Jenkins gets
 * {@link JenkinsStepsBackend}; unit tests, which have no Jenkins, substitute their own.
 */
interface StepsBackend {
    CredentialLifecycle lifecycle();

    /**
     * Resolves the token and the workspace in the build's context (folder credentials, the workspace's allowed
     * folders) and records the credentials' use with the build.
     *
     * @throws hudson.AbortException with an actionable message when something is missing or not allowed
     */
    ResolvedPush resolve(BuildContext build, PushParameters parameters) throws IOException, InterruptedException;

    /** The token as Jenkins holds it, for masking; {@code null} when the credential cannot be found. */
    Secret tokenSecret(Run<?, ?> run, String credentialsId);

    /** The charset of the build's log, for masking. */
    String charset(Run<?, ?> run);

    /** The build's persisted pending removals. */
    RemovalStore store(BuildContext build);

    /** Identifies the build across restarts. */
    String buildId(BuildContext build);

    /** The build's name for messages. */
    String holder(BuildContext build);

    static StepsBackend get() {
        return StepsRuntime.current();
    }
}

package io.jenkins.plugins.databricksgit.steps;

import hudson.util.Secret;
import io.jenkins.plugins.databricksgit.core.BitbucketClient;
import io.jenkins.plugins.databricksgit.core.BitbucketToken;
import io.jenkins.plugins.databricksgit.core.Target;

/**
 * What a push resolved in the build's context. In memory only: it holds the token.
 *
 * @param workspace the configured workspace name, or {@code null} when the build named a host
 * @param databricksCredentialsId the Jenkins credential the push authenticates to Databricks with (the workspace's,
 *     or the one named with the host), recorded so that the removal uses it too
 * @param tokenSecret the token as Jenkins holds it, for masking in the build log
 * @param verifyWith checks the token with Bitbucket before the push, or {@code null}
 */
record ResolvedPush(
        Target target,
        String workspace,
        String databricksCredentialsId,
        BitbucketToken token,
        Secret tokenSecret,
        BitbucketClient verifyWith) {
    @Override
    public String toString() {
        return "ResolvedPush[workspace " + workspace + ", service principal " + target.servicePrincipal() + "]";
    }
}

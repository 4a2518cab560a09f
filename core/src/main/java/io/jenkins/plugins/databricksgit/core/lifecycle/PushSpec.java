package io.jenkins.plugins.databricksgit.core.lifecycle;

import io.jenkins.plugins.databricksgit.core.BitbucketClient;
import io.jenkins.plugins.databricksgit.core.BitbucketToken;
import io.jenkins.plugins.databricksgit.core.Target;
import java.time.Duration;
import java.util.Objects;

/**
 * One push by a build. Lives in memory only (it holds the token and the client): what must survive is copied into a
 * {@link PendingRemoval}.
 *
 * @param buildId the build, as the host identifies it
 * @param holder the build's display name, for messages
 * @param workspace the configured workspace name, or {@code null} when a host was named
 * @param databricksCredentialsId the Jenkins credential the push authenticates to Databricks with; the removal uses
 *     the same one
 * @param servicePrincipal the service principal to manage (applicationId or numeric id), or {@code null}
 * @param verifyWith checks the token with Bitbucket first, or {@code null}
 * @param waitTimeout how long to wait for another build that holds the principal with a different token
 */
public record PushSpec(
        String buildId,
        String holder,
        Cleanup cleanup,
        String workspace,
        String databricksCredentialsId,
        String servicePrincipal,
        Target target,
        BitbucketToken token,
        String name,
        String gitEmail,
        BitbucketClient verifyWith,
        Duration waitTimeout) {
    public PushSpec {
        Objects.requireNonNull(buildId, "buildId");
        Objects.requireNonNull(cleanup, "cleanup");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "PushSpec[build " + buildId + ", " + cleanup + ", workspace " + workspace + ", service principal "
                + servicePrincipal + "]";
    }
}

package io.jenkins.plugins.databricksgit.core;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * A push of a Bitbucket token to a principal. The Git username ({@code x-token-auth}) and provider
 * ({@code bitbucketCloud}) are not part of the request: they cannot be chosen.
 *
 * @param name optional Databricks credential name; without one, the push writes its {@link OwnershipTag}
 * @param gitEmail optional Git e-mail
 * @param removeLater {@code true} takes a {@link Lease} to be released when the caller is done; {@code false} keeps
 *     the credential
 * @param verifyWith checks the token with Bitbucket before pushing, or {@code null} to skip
 * @param waitTimeout how long to wait while another holder's lease with a different token is held
 * @param holder who asks, for messages (e.g. a build's full display name); never a secret
 * @param progress receives one-line progress messages (waiting, retrying)
 * @param pushId identifies this push in its {@link OwnershipTag}; {@code null} lets the engine pick a random one
 */
public record PushRequest(
        Target target,
        BitbucketToken token,
        String name,
        String gitEmail,
        boolean removeLater,
        BitbucketClient verifyWith,
        Duration waitTimeout,
        String holder,
        Consumer<String> progress,
        String pushId) {
    /** A push with a push id of the engine's choosing. */
    public PushRequest(
            Target target,
            BitbucketToken token,
            String name,
            String gitEmail,
            boolean removeLater,
            BitbucketClient verifyWith,
            Duration waitTimeout,
            String holder,
            Consumer<String> progress) {
        this(target, token, name, gitEmail, removeLater, verifyWith, waitTimeout, holder, progress, null);
    }
}

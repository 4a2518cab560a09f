package io.jenkins.plugins.databricksgit.cli;

import io.jenkins.plugins.databricksgit.core.BitbucketToken;
import io.jenkins.plugins.databricksgit.core.GitCredentialEngine;
import io.jenkins.plugins.databricksgit.core.PushInputs;
import io.jenkins.plugins.databricksgit.core.TokenCheck;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Options of a push ({@code push} and {@code run}). */
final class PushOptions {
    @Option(names = "--name", paramLabel = "<name>", description = "Name of the Databricks Git credential.")
    String name;

    @Option(names = "--git-email", paramLabel = "<email>", description = "Git e-mail of the credential.")
    String gitEmail;

    @Option(
            names = "--verify",
            negatable = true,
            description = "Check the token with Bitbucket before pushing (default: when the workspace and "
                    + "repository are known).")
    Boolean verify;

    @Option(
            names = "--wait-timeout",
            paramLabel = "<duration>",
            converter = DurationConverter.class,
            description = "How long to wait while this process still uses the credential with another token "
                    + "(default: 10m).")
    Duration waitTimeout;

    /** Checks the values' syntax; before the token check, so that nothing is sent for input that cannot work. */
    void check() {
        try {
            PushInputs.name(PushInputs.Fields.COMMAND_LINE, name);
            PushInputs.gitEmail(PushInputs.Fields.COMMAND_LINE, gitEmail);
            PushInputs.waitTimeout(PushInputs.Fields.COMMAND_LINE, waitTimeout);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    Duration waitTimeout() {
        return waitTimeout != null ? waitTimeout : GitCredentialEngine.DEFAULT_WAIT_TIMEOUT;
    }

    /**
     * Checks the token with Bitbucket when asked to (or by default when the repository is known), so that a token
     * Databricks could not use is rejected before it is pushed.
     */
    void verifyIfWanted(
            BitbucketToken token,
            TokenOptions tokenOptions,
            ConnectionOptions connection,
            CliEnvironment environment,
            Output output) {
        boolean repositoryKnown = token.workspace() != null && token.repository() != null;
        if (Boolean.FALSE.equals(verify)) {
            return;
        }
        if (!repositoryKnown) {
            if (Boolean.TRUE.equals(verify)) {
                throw CliException.usage("--verify needs the token's repository: give --bitbucket-workspace and "
                        + "--bitbucket-repository (or set BITBUCKET_WORKSPACE and BITBUCKET_REPO_SLUG)");
            }
            output.progress("Not checking the token with Bitbucket: its workspace and repository are not known "
                    + "(--bitbucket-workspace, --bitbucket-repository).");
            return;
        }
        output.progress("Checking the token with Bitbucket (" + token.workspace() + "/" + token.repository() + ")...");
        TokenCheck check = connection
                .bitbucket(environment, tokenOptions.apiUrl(environment), output)
                .verify(token);
        for (String warning : check.warnings()) {
            output.warn(warning);
        }
        if (!check.valid()) {
            throw new CliException(ExitCodes.of(check), check.message());
        }
    }
}

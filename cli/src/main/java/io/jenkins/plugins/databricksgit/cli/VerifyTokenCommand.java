package io.jenkins.plugins.databricksgit.cli;

import io.jenkins.plugins.databricksgit.core.BitbucketToken;
import io.jenkins.plugins.databricksgit.core.TokenCheck;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "verify-token",
        description = "Check a Bitbucket repository access token against its repository, without touching Databricks.")
final class VerifyTokenCommand extends AbstractCommand {
    @Mixin
    TokenOptions token;

    @Mixin
    NetworkOptions network;

    @Override
    int execute() throws Exception {
        Output output = output();
        CliEnvironment env = environment();
        BitbucketToken bitbucketToken = token.token(env, output);
        if (bitbucketToken.workspace() == null || bitbucketToken.repository() == null) {
            throw CliException.usage("give the token's repository: --bitbucket-workspace and "
                    + "--bitbucket-repository (or set BITBUCKET_WORKSPACE and BITBUCKET_REPO_SLUG)");
        }
        output.progress("Checking the token with Bitbucket (" + bitbucketToken.workspace() + "/"
                + bitbucketToken.repository() + ")...");
        TokenCheck check = network.bitbucket(env, token.apiUrl(env), output).verify(bitbucketToken);
        int exitCode = ExitCodes.of(check);
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("status", check.status().name());
            json.put("valid", check.valid());
            json.put("workspace", bitbucketToken.workspace());
            json.put("repository", bitbucketToken.repository());
            json.put("message", check.message());
            json.put("warnings", check.warnings());
            output.result("", json);
            return exitCode;
        }
        for (String warning : check.warnings()) {
            output.warn(warning);
        }
        if (!check.valid()) {
            throw new CliException(exitCode, check.message());
        }
        output.result(
                "Token valid: it can read " + bitbucketToken.workspace() + "/" + bitbucketToken.repository()
                        + System.lineSeparator(),
                Map.of());
        return exitCode;
    }
}

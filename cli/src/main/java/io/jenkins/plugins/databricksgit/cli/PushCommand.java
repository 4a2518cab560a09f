package io.jenkins.plugins.databricksgit.cli;

import io.jenkins.plugins.databricksgit.core.BitbucketToken;
import io.jenkins.plugins.databricksgit.core.PushRequest;
import io.jenkins.plugins.databricksgit.core.PushResult;
import io.jenkins.plugins.databricksgit.core.Target;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "push",
        description = "Create or update the bitbucketCloud Git credential (username x-token-auth) of a service "
                + "principal with a Bitbucket repository access token. The credential is kept.")
final class PushCommand extends AbstractCommand {
    @Mixin
    ConnectionOptions connection;

    @Mixin
    TokenOptions token;

    @Mixin
    PushOptions push;

    @Override
    int execute() throws Exception {
        Output output = output();
        CliEnvironment env = environment();
        push.check();
        ConnectionOptions.Connection resolved = connection.resolve(env, output);
        BitbucketToken bitbucketToken = token.token(env, output);
        push.verifyIfWanted(bitbucketToken, token, connection, env, output);
        PushResult result = root.engine()
                .push(new PushRequest(
                        new Target(resolved.client(), connection.servicePrincipal),
                        bitbucketToken,
                        push.name,
                        push.gitEmail,
                        false,
                        null,
                        push.waitTimeout(),
                        holder(),
                        output::progress));
        output.result(text(result), json(result));
        return ExitCodes.OK;
    }

    static String text(PushResult result) {
        return (result.created() ? "Created" : "Updated") + " Git credential " + result.credentialId() + " of "
                + describe(result.principal()) + " in " + result.workspaceUrl() + System.lineSeparator()
                + "  provider bitbucketCloud, username x-token-auth" + System.lineSeparator();
    }

    static Map<String, Object> json(PushResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("action", result.created() ? "created" : "updated");
        json.put("credentialId", result.credentialId());
        json.put("gitProvider", "bitbucketCloud");
        json.put("gitUsername", "x-token-auth");
        json.put("workspace", result.workspaceUrl());
        json.put("principal", principalJson(result.principal()));
        return json;
    }
}

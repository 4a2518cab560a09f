package io.jenkins.plugins.databricksgit.cli;

import io.jenkins.plugins.databricksgit.core.RemoveResult;
import io.jenkins.plugins.databricksgit.core.Target;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "remove",
        description = "Remove a Git credential: the one with --id, or else the principal's bitbucketCloud "
                + "credential. Removing what is already gone succeeds, so cleanup steps can always run it.")
final class RemoveCommand extends AbstractCommand {
    @Mixin
    ConnectionOptions connection;

    @Option(names = "--id", paramLabel = "<credential-id>", description = "The credential id to remove.")
    Long id;

    @Override
    int execute() throws Exception {
        Output output = output();
        if (id != null && id <= 0) {
            throw CliException.usage("--id must be a positive credential id (as `list` shows it)");
        }
        ConnectionOptions.Connection resolved = connection.resolve(environment(), output);
        Target target = new Target(resolved.client(), connection.servicePrincipal);
        RemoveResult result =
                id != null ? root.engine().remove(target, id) : root.engine().removeBitbucketCredential(target);
        String what = id != null ? "Git credential " + id : "bitbucketCloud Git credential";
        String text =
                switch (result.outcome()) {
                    case REMOVED ->
                        "Removed Git credential " + result.credentialId() + " from "
                                + resolved.workspace().url();
                    case ALREADY_GONE ->
                        "Nothing to remove: no " + what + " in "
                                + resolved.workspace().url();
                    case KEPT -> "Kept Git credential " + result.credentialId() + ": it is still in use";
                };
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("outcome", result.outcome().name().toLowerCase(Locale.ROOT));
        json.put(
                "credentialId",
                result.outcome() == RemoveResult.Outcome.ALREADY_GONE && id == null ? null : result.credentialId());
        json.put("workspace", resolved.workspace().url());
        output.result(text + System.lineSeparator(), json);
        return ExitCodes.OK;
    }
}

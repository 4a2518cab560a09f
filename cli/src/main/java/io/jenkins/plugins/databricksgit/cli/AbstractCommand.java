package io.jenkins.plugins.databricksgit.cli;

import io.jenkins.plugins.databricksgit.core.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every subcommand has: the shared environment, common options and its output. */
abstract class AbstractCommand implements Callable<Integer> {
    @ParentCommand
    DatabricksGitCredentialCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    private Output output;

    @Override
    public final Integer call() throws Exception {
        return execute();
    }

    /** The command itself; exceptions become one-line errors and exit codes. */
    abstract int execute() throws Exception;

    CliEnvironment environment() {
        return root.environment();
    }

    Output output() {
        if (output == null) {
            output = new Output(
                    spec.commandLine().getOut(),
                    spec.commandLine().getErr(),
                    common.output == CommonOptions.Format.json);
        }
        return output;
    }

    /** Who pushes, as Databricks-side messages and waits name it; never a secret. */
    String holder() {
        CliEnvironment env = environment();
        String pid = "pid " + ProcessHandle.current().pid();
        if (env.get("BITBUCKET_BUILD_NUMBER") != null) {
            return "databricks-git-credential in Bitbucket Pipelines build " + env.get("BITBUCKET_BUILD_NUMBER") + " ("
                    + pid + ")";
        }
        if (env.get("GITHUB_RUN_ID") != null) {
            return "databricks-git-credential in GitHub Actions run " + env.get("GITHUB_RUN_ID") + " (" + pid + ")";
        }
        return "databricks-git-credential (" + pid + ")";
    }

    /** The principal as JSON; {@code id} is {@code null} when the command did not need it (OAuth, own mode). */
    static Map<String, Object> principalJson(Principal principal) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", principal.id() != 0 ? principal.id() : null);
        json.put("applicationId", principal.applicationId());
        json.put("displayName", principal.displayName());
        json.put("servicePrincipal", principal.servicePrincipal());
        return json;
    }

    /** E.g. {@code service principal deploy-bot (6f1d…, id 42)}, with what is known of it. */
    static String describe(Principal principal) {
        List<String> ids = new ArrayList<>();
        if (principal.applicationId() != null) {
            ids.add(principal.applicationId());
        }
        if (principal.id() != 0) {
            ids.add("id " + principal.id());
        }
        String kind = principal.servicePrincipal() ? "service principal " : "user ";
        if (principal.displayName() == null) {
            return kind + (ids.isEmpty() ? "(no name)" : String.join(", ", ids));
        }
        return kind + principal.displayName() + (ids.isEmpty() ? "" : " (" + String.join(", ", ids) + ")");
    }
}

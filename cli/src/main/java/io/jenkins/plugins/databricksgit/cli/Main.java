package io.jenkins.plugins.databricksgit.cli;

/** Entry point of the executable jar. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(DatabricksGitCredentialCommand.commandLine(CliEnvironment.system())
                .execute(args));
    }
}

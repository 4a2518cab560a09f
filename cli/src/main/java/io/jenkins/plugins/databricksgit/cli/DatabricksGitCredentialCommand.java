package io.jenkins.plugins.databricksgit.cli;

import io.jenkins.plugins.databricksgit.core.DatabricksException;
import io.jenkins.plugins.databricksgit.core.GitCredentialEngine;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** The {@code databricks-git-credential} command: its subcommands share one environment and one engine. */
@Command(
        name = "databricks-git-credential",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT,
        abbreviateSynopsis = true,
        versionProvider = DatabricksGitCredentialCommand.Version.class,
        description = "Gives a Databricks service principal a Bitbucket Cloud repository access token as its Git "
                + "credential (provider bitbucketCloud, username x-token-auth).",
        subcommands = {
            PushCommand.class,
            RemoveCommand.class,
            ListCommand.class,
            VerifyTokenCommand.class,
            WhoamiCommand.class,
            RunCommand.class,
            DemoCommand.class
        },
        footer = {
            "",
            "Exit codes: 0 ok, 1 failure, 2 usage or configuration,",
            "3 authentication or permission, 4 not found, 5 conflict or wait timeout.",
            "See docs/cli.md."
        })
public final class DatabricksGitCredentialCommand implements Runnable {
    private final CliEnvironment environment;
    private GitCredentialEngine engine;

    @Spec
    CommandSpec spec;

    DatabricksGitCredentialCommand(CliEnvironment environment, GitCredentialEngine engine) {
        this.environment = environment;
        this.engine = engine;
    }

    /** The configured command line: exit codes, one-line errors. */
    public static CommandLine commandLine(CliEnvironment environment) {
        return commandLine(environment, null);
    }

    /** As {@link #commandLine(CliEnvironment)}, sharing an engine (and so its leases) between command lines. */
    static CommandLine commandLine(CliEnvironment environment, GitCredentialEngine engine) {
        CommandLine commandLine = new CommandLine(new DatabricksGitCredentialCommand(environment, engine));
        commandLine.setExecutionExceptionHandler(DatabricksGitCredentialCommand::handleExecutionException);
        commandLine.setParameterExceptionHandler(DatabricksGitCredentialCommand::handleParameterException);
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "missing command: push, remove, list, verify-token, whoami, run or demo");
    }

    CliEnvironment environment() {
        return environment;
    }

    /** One engine per process, so that its leases serve every push of this run. */
    synchronized GitCredentialEngine engine() {
        if (engine == null) {
            engine = new GitCredentialEngine();
        }
        return engine;
    }

    static int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        int exitCode;
        String message;
        if (ex instanceof CliException cli) {
            exitCode = cli.exitCode();
            message = cli.getMessage();
        } else if (ex instanceof DatabricksException databricks) {
            exitCode = ExitCodes.of(databricks);
            message = describe(databricks);
        } else if (ex instanceof IllegalArgumentException) {
            exitCode = ExitCodes.USAGE;
            message = ex.getMessage();
        } else if (ex instanceof InterruptedException) {
            exitCode = ExitCodes.FAILURE;
            message = "interrupted";
        } else {
            exitCode = ExitCodes.FAILURE;
            message = ex.getMessage() == null
                    ? ex.getClass().getSimpleName()
                    : ex.getClass().getSimpleName() + ": " + ex.getMessage();
        }
        err.println("error: " + message);
        if (debugRequested(parseResult)) {
            ex.printStackTrace(err);
        }
        err.flush();
        if (jsonRequested(parseResult)) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("exitCode", exitCode);
            error.put("reason", ex instanceof DatabricksException d ? d.reason().name() : null);
            error.put("message", message);
            new Output(commandLine.getOut(), err, true).result("", Map.of("error", error));
        }
        return exitCode;
    }

    /** The tool's own way out of an untrusted certificate comes first; the core message follows with the details. */
    static final String CA_CERT_FIRST = "The server's certificate is not trusted: give the CA certificate of the"
            + " TLS-inspecting proxy or internal CA with --ca-cert <pem-file>.";

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    static String describe(DatabricksException e) {
        String message = e.getMessage();
        if (e.reason() == DatabricksException.Reason.TLS_FAILURE) {
            message = CA_CERT_FIRST + " " + message;
        }
        if (e.requestId() != null && !message.contains(e.requestId())) {
            message += " (request id " + e.requestId() + ")";
        }
        return message;
    }

    private static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
        CommandLine failed = ex.getCommandLine();
        PrintWriter err = failed.getErr();
        String suggestion = "";
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched
                && !unmatched.getSuggestions().isEmpty()) {
            suggestion = "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
        }
        err.println("error: " + oneLine(ex.getMessage()) + suggestion + " (see '"
                + failed.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return ExitCodes.USAGE;
    }

    private static boolean jsonRequested(ParseResult parseResult) {
        for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
            if (pr.hasMatchedOption("--output")
                    && pr.matchedOptionValue("--output", CommonOptions.Format.text) == CommonOptions.Format.json) {
                return true;
            }
        }
        return false;
    }

    private static boolean debugRequested(ParseResult parseResult) {
        for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
            if (pr.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = DatabricksGitCredentialCommand.class.getPackage().getImplementationVersion();
            return new String[] {"databricks-git-credential " + (version == null ? "(development build)" : version)};
        }
    }
}

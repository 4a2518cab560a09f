package io.jenkins.plugins.databricksgit.cli;

import io.jenkins.plugins.databricksgit.core.BitbucketClient;
import io.jenkins.plugins.databricksgit.core.BitbucketToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where the Bitbucket repository access token comes from: {@code BITBUCKET_TOKEN}, {@code --token-file} or
 * {@code --token-stdin}. Never a flag value: command lines are visible to every user of the machine ({@code ps},
 * {@code /proc/<pid>/cmdline}) and are kept in shell history and CI logs.
 */
final class TokenOptions {
    static final String REFUSAL = "a token given on the command line is visible to other users (ps) and stays in "
            + "shell history and CI logs; set BITBUCKET_TOKEN, or use --token-file <file> or --token-stdin";

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = "--token-file",
            paramLabel = "<file>",
            description = "Read the Bitbucket token from this file (one trailing newline is ignored).")
    Path tokenFile;

    @Option(
            names = "--token-stdin",
            description = "Read the Bitbucket token from standard input (one trailing newline is ignored); on a "
                    + "terminal it is asked for without echo.")
    boolean tokenStdin;

    @Option(
            names = {"--token", "--bitbucket-token"},
            arity = "0..1",
            paramLabel = "<refused>",
            description = "Refused: a token value on the command line leaks. Use BITBUCKET_TOKEN, --token-file or "
                    + "--token-stdin.")
    void refuseToken(String ignored) {
        throw new ParameterException(mixee.commandLine(), "--token is refused: " + REFUSAL);
    }

    @Option(
            names = "--bitbucket-workspace",
            paramLabel = "<workspace>",
            description = "Bitbucket workspace id of the token's repository (default: BITBUCKET_WORKSPACE).")
    String workspace;

    @Option(
            names = "--bitbucket-repository",
            paramLabel = "<slug>",
            description = "Repository slug the token belongs to (default: BITBUCKET_REPO_SLUG).")
    String repository;

    @Option(
            names = "--bitbucket-api-url",
            paramLabel = "<url>",
            description =
                    "Bitbucket API base URL (default: BITBUCKET_API_URL, or " + BitbucketClient.DEFAULT_API_URL + ").")
    String apiUrl;

    String workspace(CliEnvironment environment) {
        return workspace != null ? workspace : environment.get("BITBUCKET_WORKSPACE");
    }

    String repository(CliEnvironment environment) {
        return repository != null ? repository : environment.get("BITBUCKET_REPO_SLUG");
    }

    String apiUrl(CliEnvironment environment) {
        if (apiUrl != null) {
            return apiUrl;
        }
        String fromEnv = environment.get("BITBUCKET_API_URL");
        return fromEnv != null ? fromEnv : BitbucketClient.DEFAULT_API_URL;
    }

    /** Reads and checks the token's shape; warnings (e.g. "looks like an app password") go to {@code warn}. */
    BitbucketToken token(CliEnvironment environment, Output output) {
        if (tokenFile != null && tokenStdin) {
            throw CliException.usage("give either --token-file or --token-stdin, not both");
        }
        String raw;
        if (tokenFile != null) {
            raw = readFile(tokenFile);
        } else if (tokenStdin && environment.terminal() != null) {
            char[] typed = environment.terminal().readSecret("Bitbucket token (not shown): ");
            raw = typed == null ? "" : new String(typed);
        } else if (tokenStdin) {
            raw = readStdin(environment.stdin());
        } else {
            raw = environment.env().get("BITBUCKET_TOKEN");
            if (raw == null || raw.isEmpty()) {
                throw CliException.usage(
                        "no Bitbucket token: set BITBUCKET_TOKEN, or use --token-file <file> or --token-stdin");
            }
        }
        if (stripOneNewline(raw).isEmpty()) {
            throw CliException.usage("the Bitbucket token is empty");
        }
        BitbucketToken token;
        try {
            // BitbucketToken strips the one trailing newline a file or a pipe adds, and rejects other whitespace.
            token = BitbucketToken.of(raw, workspace(environment), repository(environment));
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        List<String> warnings = token.warnings();
        for (String warning : warnings) {
            output.warn(warning);
        }
        return token;
    }

    static String stripOneNewline(String value) {
        if (value.endsWith("\r\n")) {
            return value.substring(0, value.length() - 2);
        }
        if (value.endsWith("\n")) {
            return value.substring(0, value.length() - 1);
        }
        return value;
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw CliException.usage("--token-file " + file + " does not exist");
        } catch (IOException e) {
            throw CliException.usage("--token-file " + file + " cannot be read: " + e.getMessage());
        }
    }

    private static String readStdin(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliException.usage("cannot read the token from standard input: " + e.getMessage());
        }
    }
}

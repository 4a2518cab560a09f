package io.jenkins.plugins.databricksgit.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
final class CommonOptions {
    enum Format {
        text,
        json
    }

    @Option(
            names = {"-o", "--output"},
            paramLabel = "<format>",
            defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format output = Format.text;

    @Option(names = "--debug", description = "Print the stack trace of an error.")
    boolean debug;
}

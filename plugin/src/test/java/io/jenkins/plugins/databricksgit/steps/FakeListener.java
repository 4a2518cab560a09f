package io.jenkins.plugins.databricksgit.steps;

import hudson.model.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** A build log in memory; {@code build} names the build it belongs to. */
final class FakeListener implements TaskListener {
    private static final long serialVersionUID = 1L;

    final String build;
    private final transient ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final transient PrintStream logger = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    FakeListener(String build) {
        this.build = build;
    }

    @Override
    public PrintStream getLogger() {
        return logger;
    }

    synchronized List<String> lines() {
        String text = bytes.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }
}

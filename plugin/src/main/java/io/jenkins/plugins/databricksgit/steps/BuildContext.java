package io.jenkins.plugins.databricksgit.steps;

import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.PrintStream;
import java.util.function.Consumer;

/** A build as the steps, the wrapper and the listeners see it: the run and its log. */
record BuildContext(Run<?, ?> run, TaskListener listener) {
    Consumer<String> log() {
        PrintStream logger = listener.getLogger();
        return logger::println;
    }
}

package io.jenkins.plugins.databricksgit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.Map;

/**
 * Results go to standard output (text, or one JSON document with {@code --output json}); warnings, progress and
 * errors go to standard error, so that a pipe only ever sees the result.
 */
final class Output {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    Output(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    boolean json() {
        return json;
    }

    /** A line about something that takes time (a retry, a wait). */
    void progress(String message) {
        err.println(message);
        err.flush();
    }

    void warn(String message) {
        err.println("warning: " + message);
        err.flush();
    }

    /** Prints the result: {@code text} as is, or {@code document} as JSON. */
    void result(String text, Map<String, ?> document) {
        if (json) {
            try {
                out.println(JSON.writeValueAsString(document));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write JSON output", e);
            }
        } else {
            out.print(text);
        }
        out.flush();
    }
}

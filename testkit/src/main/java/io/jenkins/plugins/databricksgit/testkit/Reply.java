package io.jenkins.plugins.databricksgit.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/** An answer before it becomes a {@code MockResponse}: status, content type, body and extra headers. */
record Reply(int status, String contentType, String body, Map<String, String> headers) {
    static final String JSON = "application/json";

    static Reply json(int status, String body) {
        return new Reply(status, JSON, body, Map.of());
    }

    Reply withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Reply(status, contentType, body, copy);
    }

    /** Carries an error reply out of a handler. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Reply reply;

        Failure(Reply reply) {
            super("HTTP " + reply.status(), null, false, false);
            this.reply = reply;
        }

        Reply reply() {
            return reply;
        }
    }
}

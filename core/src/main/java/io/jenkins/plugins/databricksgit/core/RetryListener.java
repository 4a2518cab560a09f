package io.jenkins.plugins.databricksgit.core;

import java.time.Duration;
import java.util.Objects;

/**
 * Told before a client waits to repeat a request (a rate limit, an unavailable service, a refused connection), so
 * that a caller can show that a long wait is a wait and not a hang. Called on the requesting thread; it should return
 * quickly, and what it throws is ignored.
 */
@FunctionalInterface
public interface RetryListener {
    /** Tells nobody. */
    RetryListener NONE = retry -> {};

    void retrying(Retry retry);

    /**
     * One coming retry. Holds no secret: the path comes without query, and no header or body is kept.
     *
     * @param method the HTTP method
     * @param path the request's encoded path
     * @param attempt the attempt that failed, the first one being 1
     * @param delay the wait before the next attempt
     * @param reason why, e.g. {@code answered 429} or {@code could not connect (ConnectException)}
     */
    record Retry(String method, String path, int attempt, Duration delay, String reason) {
        public Retry {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(delay, "delay");
            Objects.requireNonNull(reason, "reason");
        }

        /** For people: {@code GET /api/2.0/git-credentials answered 429; retrying in 1000 ms}. */
        @Override
        public String toString() {
            return method + " " + path + " " + reason + "; retrying in " + delayText(delay);
        }

        private static String delayText(Duration d) {
            return d.toMillis() < 10_000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
        }
    }
}

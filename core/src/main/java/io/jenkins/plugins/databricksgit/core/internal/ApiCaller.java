package io.jenkins.plugins.databricksgit.core.internal;

import io.jenkins.plugins.databricksgit.core.ClientSettings;
import io.jenkins.plugins.databricksgit.core.DatabricksException;
import io.jenkins.plugins.databricksgit.core.RetryListener;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Executes one logical request with bounded retries: on 429 and 503 answers (honouring {@code Retry-After} in
 * seconds or as an HTTP date) and on connect-level failures that happened before anything was sent. A request that
 * was sent and got no answer is never repeated here, whatever its method: its outcome is unknown.
 */
public final class ApiCaller {
    private static final Logger LOGGER = Logger.getLogger(ApiCaller.class.getName());
    private static final long MAX_BODY = 1024 * 1024;
    static final Duration BASE_BACKOFF = Duration.ofMillis(500);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** The longest wait a {@code Retry-After} can express here: 2^63-1 seconds. */
    static final Duration FOREVER = Duration.ofSeconds(Long.MAX_VALUE);

    private final OkHttpClient http;
    private final ClientSettings settings;

    public ApiCaller(OkHttpClient http, ClientSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    /** A complete answer; the body is read eagerly (API answers are small) and capped at 1 MiB. */
    public record Answer(
            String method, HttpUrl url, int code, Headers headers, MediaType contentType, String body, int attempts) {
        public boolean successful() {
            return code >= 200 && code < 300;
        }

        /**
         * Without the body and headers: the answer of the OAuth token endpoint carries an access token, and a
         * record's generated {@code toString()} would print it wherever an answer is logged or concatenated.
         */
        @Override
        public String toString() {
            return "Answer[" + method + " " + url.encodedPath() + " -> HTTP " + code + ", " + attempts + " attempt"
                    + (attempts == 1 ? "" : "s") + "]";
        }
    }

    /** No answer: the failure, whether the request had been sent, and how many attempts were made. */
    public static final class TransportFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean sent;
        private final int attempts;

        TransportFailure(IOException cause, boolean sent, int attempts) {
            super(cause.getClass().getSimpleName(), cause);
            this.sent = sent;
            this.attempts = attempts;
        }

        public IOException io() {
            return (IOException) getCause();
        }

        public boolean sent() {
            return sent;
        }

        public int attempts() {
            return attempts;
        }
    }

    public Answer execute(Request request) throws DatabricksException, TransportFailure {
        Sleeper clock = settings.sleeper();
        Instant start = clock.now();
        int attempt = 0;
        while (true) {
            attempt++;
            SendTracker.Attempt state = new SendTracker.Attempt();
            Request tagged =
                    request.newBuilder().tag(SendTracker.Attempt.class, state).build();
            Duration delay;
            try (Response response = http.newCall(tagged).execute()) {
                int code = response.code();
                String body = response.peekBody(MAX_BODY).string();
                Answer answer = new Answer(
                        request.method(),
                        request.url(),
                        code,
                        response.headers(),
                        response.body().contentType(),
                        body,
                        attempt);
                if (code != 429 && code != 503) {
                    return answer;
                }
                delay = retryAfter(response.header("Retry-After"), clock.now());
                if (delay == null) {
                    delay = backoff(attempt);
                }
                if (!mayRetry(attempt, start, delay, clock)) {
                    return answer;
                }
                announce(new RetryListener.Retry(
                        request.method(), request.url().encodedPath(), attempt, delay, "answered " + code));
            } catch (DatabricksException e) {
                throw e;
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw interrupted(e);
                }
                delay = backoff(attempt);
                if (state.sent() || !isConnectLevel(e) || !mayRetry(attempt, start, delay, clock)) {
                    throw new TransportFailure(e, state.sent(), attempt);
                }
                announce(new RetryListener.Retry(
                        request.method(),
                        request.url().encodedPath(),
                        attempt,
                        delay,
                        "could not connect (" + e.getClass().getSimpleName() + ")"));
            }
            try {
                clock.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted(e);
            }
        }
    }

    private void announce(RetryListener.Retry retry) {
        LOGGER.fine(retry::toString);
        try {
            settings.retryListener().retrying(retry);
        } catch (RuntimeException e) {
            // Progress reporting must not change the outcome of the call.
            LOGGER.log(Level.FINE, "The retry listener failed", e);
        }
    }

    private static DatabricksException interrupted(Exception e) {
        return new DatabricksException(
                DatabricksException.Reason.OTHER, 0, null, null, false, "Interrupted while waiting for an answer.", e);
    }

    private boolean mayRetry(int attempt, Instant start, Duration delay, Sleeper clock) {
        if (attempt >= settings.maxAttempts()) {
            return false;
        }
        // Compared before adding: a server may ask for any wait (up to 2^63-1 seconds), and the sum would overflow.
        if (delay.compareTo(settings.maxRetryTime()) > 0) {
            return false;
        }
        Duration elapsed = Duration.between(start, clock.now());
        return elapsed.plus(delay).compareTo(settings.maxRetryTime()) <= 0;
    }

    /**
     * Failures where nothing reached the server, so repeating is safe even for a POST. An unknown host is not among
     * them: DNS answers do not fix themselves within seconds, and the user needs to fix the URL.
     */
    static boolean isConnectLevel(IOException e) {
        return e instanceof ConnectException
                || e instanceof NoRouteToHostException
                || (e instanceof SocketTimeoutException
                        && e.getMessage() != null
                        && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("connect"));
    }

    /** Exponential backoff with "equal jitter": half fixed, half random, so that clients spread out. */
    static Duration backoff(int attempt) {
        long base = BASE_BACKOFF.toMillis() << Math.min(attempt - 1, 16);
        long capped = Math.min(base, MAX_BACKOFF.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    /**
     * {@code Retry-After} as delta-seconds or an HTTP date; {@code null} when absent or unreadable. Delta-seconds too
     * large for a {@code long} count as {@link #FOREVER}: the server asked for a wait no caller will make, so the call
     * ends with its answer instead of a retry.
     */
    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String v = header.strip();
        if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException e) {
                return FOREVER;
            }
        }
        try {
            Instant at =
                    ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

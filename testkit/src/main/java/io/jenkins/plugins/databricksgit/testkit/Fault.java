package io.jenkins.plugins.databricksgit.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A failure the emulator plays instead of (or, for {@link #latency} and {@link #dropConnectionAfterApplying}, on top
 * of) its normal answer. Every fault except those two leaves the emulator's state untouched, so a client can tell
 * "not applied" from "applied, answer lost" only through the state, as against the real service.
 *
 * <p>Immutable; {@link #times(int)} returns a copy that applies to that many matching requests.
 */
public final class Fault {
    enum Kind {
        LATENCY,
        RATE_LIMITED,
        STATUS,
        DROP_CONNECTION,
        DROP_CONNECTION_AFTER_APPLYING,
        MALFORMED_BODY,
        HTML,
        INVALID_ACCESS_TOKEN,
        STALL
    }

    private final Kind kind;
    private final Duration latency;
    private final int status;
    private final int retryAfterSeconds;
    private final Instant retryAfterDate;
    private final String retryAfterText;
    private final int times;

    private Fault(
            Kind kind,
            Duration latency,
            int status,
            int retryAfterSeconds,
            Instant retryAfterDate,
            String retryAfterText,
            int times) {
        this.kind = kind;
        this.latency = latency;
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
        this.retryAfterDate = retryAfterDate;
        this.retryAfterText = retryAfterText;
        this.times = times;
    }

    private Fault(Kind kind, Duration latency, int status, int retryAfterSeconds, Instant retryAfterDate, int times) {
        this(kind, latency, status, retryAfterSeconds, retryAfterDate, null, times);
    }

    private static Fault of(Kind kind) {
        return new Fault(kind, Duration.ZERO, 0, -1, null, 1);
    }

    /** Waits {@code d} before sending the response headers; the request is applied on arrival and answered normally. */
    public static Fault latency(Duration d) {
        Objects.requireNonNull(d, "d");
        if (d.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        return new Fault(Kind.LATENCY, d, 0, -1, null, 1);
    }

    /** 429 {@code REQUEST_LIMIT_EXCEEDED} with {@code Retry-After: <seconds>}. */
    public static Fault rateLimited(int retryAfterSeconds) {
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must not be negative");
        }
        return new Fault(Kind.RATE_LIMITED, Duration.ZERO, 429, retryAfterSeconds, null, 1);
    }

    /** 429 {@code REQUEST_LIMIT_EXCEEDED} with {@code Retry-After} as an HTTP date. */
    public static Fault rateLimitedUntil(Instant t) {
        Objects.requireNonNull(t, "t");
        return new Fault(Kind.RATE_LIMITED, Duration.ZERO, 429, -1, t, 1);
    }

    /**
     * 429 {@code REQUEST_LIMIT_EXCEEDED} with {@code Retry-After} exactly as given, e.g. {@code "1000000000"} or
     * {@code "9223372036854775807"}: for clients that must survive any value a server or proxy may send.
     */
    public static Fault rateLimited(String retryAfter) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new IllegalArgumentException("Retry-After must be printable ASCII");
        }
        return new Fault(Kind.RATE_LIMITED, Duration.ZERO, 429, -1, null, retryAfter, 1);
    }

    /**
     * Holds the request for {@code d} without applying it, then answers 504 {@code DEADLINE_EXCEEDED}, as a gateway
     * whose backend never got the request. A client whose read timeout is shorter than {@code d} times out.
     */
    public static Fault stall(Duration d) {
        Objects.requireNonNull(d, "d");
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("stall must be positive");
        }
        return new Fault(Kind.STALL, d, 504, -1, null, 1);
    }

    /** An error status with the error body the endpoint's service would send (503 is {@code TEMPORARILY_UNAVAILABLE}). */
    public static Fault status(int code) {
        if (code < 400 || code > 599) {
            throw new IllegalArgumentException("status must be an error status (400-599): " + code);
        }
        return new Fault(Kind.STATUS, Duration.ZERO, code, -1, null, 1);
    }

    /** Closes the connection after reading the request, without applying it and without an answer. */
    public static Fault dropConnection() {
        return of(Kind.DROP_CONNECTION);
    }

    /** Applies the request to the state, then closes the connection without an answer: the outcome is unknown. */
    public static Fault dropConnectionAfterApplying() {
        return of(Kind.DROP_CONNECTION_AFTER_APPLYING);
    }

    /** 200 with a JSON content type and a body that is not valid JSON; the request is not applied. */
    public static Fault malformedBody() {
        return of(Kind.MALFORMED_BODY);
    }

    /** An HTML page with the given status, as a proxy or a host that is not a Databricks workspace would answer. */
    public static Fault html(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        return new Fault(Kind.HTML, Duration.ZERO, status, -1, null, 1);
    }

    /**
     * 403 "Invalid access token." as if the presented token had just expired or been revoked on the server, while it
     * stays valid for later requests; not applied. For a real expiry use
     * {@link DatabricksEmulator#expireAllOAuthTokens()} or {@link DatabricksEmulator#setOAuthTokenLifetime}.
     */
    public static Fault invalidAccessToken() {
        return of(Kind.INVALID_ACCESS_TOKEN);
    }

    /** A copy of this fault that applies to the next {@code n} matching requests. */
    public Fault times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1: " + n);
        }
        return new Fault(kind, latency, status, retryAfterSeconds, retryAfterDate, retryAfterText, n);
    }

    /** How many matching requests this fault applies to. */
    public int count() {
        return times;
    }

    Kind kind() {
        return kind;
    }

    Duration latency() {
        return latency;
    }

    int status() {
        return status;
    }

    int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    Instant retryAfterDate() {
        return retryAfterDate;
    }

    /** The raw {@code Retry-After} value, or {@code null} when given as seconds or a date. */
    String retryAfterText() {
        return retryAfterText;
    }

    @Override
    public String toString() {
        String detail =
                switch (kind) {
                    case LATENCY -> "latency " + latency.toMillis() + " ms";
                    case RATE_LIMITED ->
                        "429, Retry-After "
                                + (retryAfterText != null
                                        ? "\"" + retryAfterText + "\""
                                        : retryAfterDate != null
                                                ? retryAfterDate.toString()
                                                : retryAfterSeconds + " s");
                    case STALL -> "stall " + latency.toMillis() + " ms, then 504";
                    case STATUS -> "status " + status;
                    case HTML -> "HTML page, status " + status;
                    case DROP_CONNECTION -> "drop connection";
                    case DROP_CONNECTION_AFTER_APPLYING -> "drop connection after applying";
                    case MALFORMED_BODY -> "malformed body";
                    case INVALID_ACCESS_TOKEN -> "invalid access token";
                };
        return "Fault[" + detail + " x" + times + "]";
    }
}

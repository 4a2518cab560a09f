package io.jenkins.plugins.databricksgit.core;

import io.jenkins.plugins.databricksgit.core.internal.HttpClients;
import io.jenkins.plugins.databricksgit.core.internal.Sleeper;
import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;

/** Timeouts, retry bounds and the base HTTP client (Jenkins passes one that honours its proxy settings). */
public final class ClientSettings {
    private static final ClientSettings DEFAULTS = new Builder().build();

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration callTimeout;
    private final int maxAttempts;
    private final Duration maxRetryTime;
    private final OkHttpClient baseClient;
    private final Sleeper sleeper;
    private final RetryListener retryListener;

    private ClientSettings(Builder b) {
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.callTimeout = b.callTimeout;
        this.maxAttempts = b.maxAttempts;
        this.maxRetryTime = b.maxRetryTime;
        this.baseClient = b.baseClient;
        this.sleeper = b.sleeper;
        this.retryListener = b.retryListener;
    }

    /** Connect 10 s, read 60 s, call 120 s, 4 attempts within 2 minutes, the shared default HTTP client. */
    public static ClientSettings defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.callTimeout = callTimeout;
        b.maxAttempts = maxAttempts;
        b.maxRetryTime = maxRetryTime;
        b.baseClient = baseClient;
        b.sleeper = sleeper;
        b.retryListener = retryListener;
        return b;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    /** Bound on one HTTP exchange, including redirects' absence and body transfer; zero means none. */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** Attempts per request, the first one included; at least 1. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** No retry starts once this much time has passed since the first attempt. */
    public Duration maxRetryTime() {
        return maxRetryTime;
    }

    /** The client requests are derived from. */
    public OkHttpClient baseClient() {
        return baseClient != null ? baseClient : HttpClients.shared();
    }

    /** Clock and sleep used between retries. */
    public Sleeper sleeper() {
        return sleeper;
    }

    /** Told of every retry before its wait; {@link RetryListener#NONE} unless set. */
    public RetryListener retryListener() {
        return retryListener;
    }

    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private Duration callTimeout = Duration.ofSeconds(120);
        private int maxAttempts = 4;
        private Duration maxRetryTime = Duration.ofMinutes(2);
        private OkHttpClient baseClient;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private RetryListener retryListener = RetryListener.NONE;

        private Builder() {}

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = nonNegative(timeout, "connectTimeout");
            return this;
        }

        public Builder readTimeout(Duration timeout) {
            this.readTimeout = nonNegative(timeout, "readTimeout");
            return this;
        }

        public Builder callTimeout(Duration timeout) {
            this.callTimeout = nonNegative(timeout, "callTimeout");
            return this;
        }

        public Builder maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        public Builder maxRetryTime(Duration total) {
            this.maxRetryTime = nonNegative(total, "maxRetryTime");
            return this;
        }

        /** The client every request is derived from with {@code newBuilder()} (proxy, TLS trust). */
        public Builder baseClient(OkHttpClient client) {
            this.baseClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /** Replaces the clock and sleep between retries; meant for tests. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Told of every retry before its wait, e.g. to show progress. */
        public Builder retryListener(RetryListener listener) {
            this.retryListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public ClientSettings build() {
            return new ClientSettings(this);
        }

        private static Duration nonNegative(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative()) {
                throw new IllegalArgumentException(what + " must not be negative");
            }
            return d;
        }
    }
}

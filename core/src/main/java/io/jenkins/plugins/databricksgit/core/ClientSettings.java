package io.jenkins.plugins.databricksgit.core;

import java.time.Duration;
import okhttp3.OkHttpClient;

/** Timeouts, retry bounds and the base HTTP client (Jenkins passes one that honours its proxy settings). */
public final class ClientSettings {
    private ClientSettings() {
        throw new UnsupportedOperationException("API contract; implemented in the core issue");
    }

    public static ClientSettings defaults() {
        throw new UnsupportedOperationException();
    }

    public static Builder builder() {
        throw new UnsupportedOperationException();
    }

    public static final class Builder {
        public Builder connectTimeout(Duration timeout) {
            throw new UnsupportedOperationException();
        }

        public Builder readTimeout(Duration timeout) {
            throw new UnsupportedOperationException();
        }

        public Builder callTimeout(Duration timeout) {
            throw new UnsupportedOperationException();
        }

        public Builder maxAttempts(int attempts) {
            throw new UnsupportedOperationException();
        }

        public Builder maxRetryTime(Duration total) {
            throw new UnsupportedOperationException();
        }

        /** The client every request is derived from with {@code newBuilder()} (proxy, TLS trust). */
        public Builder baseClient(OkHttpClient client) {
            throw new UnsupportedOperationException();
        }

        public ClientSettings build() {
            throw new UnsupportedOperationException();
        }
    }
}

package io.jenkins.plugins.databricksgit.core.internal;

import java.time.Duration;
import java.time.Instant;

/** Time as the retry and token-refresh logic sees it; tests replace it so that backoff costs no real time. */
public interface Sleeper {
    /** The real clock and {@link Thread#sleep}. */
    Sleeper SYSTEM = new Sleeper() {
        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
        }
    };

    Instant now();

    void sleep(Duration duration) throws InterruptedException;
}

package io.jenkins.plugins.databricksgit.core.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * @param completionTimeout how long the build-completion safety net waits for removals before handing the rest to
 *     the background retry (it delays the end of the build)
 * @param firstRetryDelay delay before the first background retry; doubled after each failure
 * @param maxRetryDelay the longest delay between background retries
 */
public record LifecycleSettings(
        Duration completionTimeout, Duration firstRetryDelay, Duration maxRetryDelay, Clock clock) {
    public LifecycleSettings {
        Objects.requireNonNull(completionTimeout, "completionTimeout");
        Objects.requireNonNull(firstRetryDelay, "firstRetryDelay");
        Objects.requireNonNull(maxRetryDelay, "maxRetryDelay");
        Objects.requireNonNull(clock, "clock");
    }

    public static LifecycleSettings defaults() {
        return new LifecycleSettings(
                Duration.ofSeconds(20), Duration.ofMinutes(1), Duration.ofHours(1), Clock.systemUTC());
    }
}

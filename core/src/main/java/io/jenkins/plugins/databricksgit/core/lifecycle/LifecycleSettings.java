package io.jenkins.plugins.databricksgit.core.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * @param completionTimeout how long the build-completion safety net waits for removals before handing the rest to
 *     the background retry (it delays the end of the build)
 * @param firstRetryDelay delay before the first background retry; doubled after each failure
 * @param maxRetryDelay the longest delay between background retries
 * @param removalThreads the most removals sent at the same time; the threads end when idle
 * @param removalQueue the most removals waiting for a thread; beyond it a removal is left to the background retry
 * @param removalTimeout how long the end of a block waits for its removal before leaving it to the background
 */
public record LifecycleSettings(
        Duration completionTimeout,
        Duration firstRetryDelay,
        Duration maxRetryDelay,
        Clock clock,
        int removalThreads,
        int removalQueue,
        Duration removalTimeout) {
    public static final int DEFAULT_REMOVAL_THREADS = 4;
    public static final int DEFAULT_REMOVAL_QUEUE = 256;
    public static final Duration DEFAULT_REMOVAL_TIMEOUT = Duration.ofMinutes(2);

    public LifecycleSettings {
        Objects.requireNonNull(completionTimeout, "completionTimeout");
        Objects.requireNonNull(firstRetryDelay, "firstRetryDelay");
        Objects.requireNonNull(maxRetryDelay, "maxRetryDelay");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(removalTimeout, "removalTimeout");
        if (removalThreads < 1) {
            throw new IllegalArgumentException("removalThreads must be at least 1");
        }
        if (removalQueue < 1) {
            throw new IllegalArgumentException("removalQueue must be at least 1");
        }
    }

    /** The default thread, queue and block-end limits. */
    public LifecycleSettings(
            Duration completionTimeout, Duration firstRetryDelay, Duration maxRetryDelay, Clock clock) {
        this(
                completionTimeout,
                firstRetryDelay,
                maxRetryDelay,
                clock,
                DEFAULT_REMOVAL_THREADS,
                DEFAULT_REMOVAL_QUEUE,
                DEFAULT_REMOVAL_TIMEOUT);
    }

    public static LifecycleSettings defaults() {
        return new LifecycleSettings(
                Duration.ofSeconds(20), Duration.ofMinutes(1), Duration.ofHours(1), Clock.systemUTC());
    }

    public LifecycleSettings withRemovalThreads(int threads, int queue) {
        return new LifecycleSettings(
                completionTimeout, firstRetryDelay, maxRetryDelay, clock, threads, queue, removalTimeout);
    }

    public LifecycleSettings withRemovalTimeout(Duration timeout) {
        return new LifecycleSettings(
                completionTimeout, firstRetryDelay, maxRetryDelay, clock, removalThreads, removalQueue, timeout);
    }
}

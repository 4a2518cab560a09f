package io.jenkins.plugins.databricksgit.core;

import io.jenkins.plugins.databricksgit.core.internal.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that only moves when slept on or advanced, recording every sleep. */
final class FakeSleeper implements Sleeper {
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private Instant now = Instant.now();

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        now = now.plus(duration);
    }

    synchronized void advance(Duration d) {
        now = now.plus(d);
    }
}

package io.jenkins.plugins.databricksgit.core.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * When the background retry looks at each pending removal again, and which removals it owns: those whose build can
 * no longer finish them (an attempt failed, the build completed before its removal did, or it was lost in a restart).
 * Only owned removals are shown to administrators. Memory only: a restart rebuilds it from the registry.
 */
final class RetrySchedule {
    private final LifecycleSettings settings;
    private final ConcurrentMap<String, Instant> next = new ConcurrentHashMap<>();
    private final Set<String> owned = ConcurrentHashMap.newKeySet();

    RetrySchedule(LifecycleSettings settings) {
        this.settings = settings;
    }

    /** After a failed attempt: owned, and due after the backoff for that many failures. */
    void failed(String id, int failures) {
        owned.add(id);
        next.put(id, settings.clock().instant().plus(backoff(failures)));
    }

    /** The background takes the removal over; it is due at once unless already scheduled. */
    void takeOver(String id) {
        owned.add(id);
        next.putIfAbsent(id, settings.clock().instant());
    }

    /** Due again after the first retry delay (a restored removal, or one that must wait for a push on its way). */
    void later(String id) {
        next.put(id, settings.clock().instant().plus(settings.firstRetryDelay()));
    }

    /** Due now (an administrator asked). */
    void now(String id) {
        next.put(id, settings.clock().instant());
    }

    void forget(String id) {
        next.remove(id);
        owned.remove(id);
    }

    boolean owns(String id) {
        return owned.contains(id);
    }

    Instant next(String id) {
        return next.get(id);
    }

    /** Ids due at {@code now}, earliest first. */
    List<String> due(Instant now) {
        List<Map.Entry<String, Instant>> entries = new ArrayList<>(next.entrySet());
        entries.sort(Map.Entry.comparingByValue());
        List<String> due = new ArrayList<>();
        for (Map.Entry<String, Instant> e : entries) {
            if (!e.getValue().isAfter(now)) {
                due.add(e.getKey());
            }
        }
        return due;
    }

    /** The first retry delay, doubled per further failure, at most the maximum delay. */
    Duration backoff(int failures) {
        Duration delay = settings.firstRetryDelay();
        for (int i = 1; i < failures && delay.compareTo(settings.maxRetryDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.maxRetryDelay()) > 0 ? settings.maxRetryDelay() : delay;
    }
}

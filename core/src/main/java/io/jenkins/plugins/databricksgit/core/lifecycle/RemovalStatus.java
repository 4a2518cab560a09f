package io.jenkins.plugins.databricksgit.core.lifecycle;

import java.time.Instant;

/**
 * A pending removal as administrators see it.
 *
 * @param nextAttempt when the background retry next tries it, or {@code null}
 * @param running whether an attempt is running now
 */
public record RemovalStatus(PendingRemoval removal, PendingRemoval.Why why, Instant nextAttempt, boolean running) {}

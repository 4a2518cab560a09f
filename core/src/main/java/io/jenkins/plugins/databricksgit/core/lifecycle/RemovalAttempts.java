package io.jenkins.plugins.databricksgit.core.lifecycle;

import static io.jenkins.plugins.databricksgit.core.lifecycle.CredentialLifecycle.PREFIX;

import io.jenkins.plugins.databricksgit.core.GitCredentialEngine;
import io.jenkins.plugins.databricksgit.core.Lease;
import io.jenkins.plugins.databricksgit.core.RemoveResult;
import io.jenkins.plugins.databricksgit.core.Target;
import java.util.function.Consumer;

/**
 * One attempt to remove what a push recorded, and its bookkeeping. With a lease, the engine releases it (it removes
 * only when nothing else holds or kept the credential, and the credential still holds what was written). Without one
 * the push never answered: the engine removes the principal's credential only if its name is still the push's. Either
 * way the target is what the push targeted ({@link LifecycleHost#target}). A failure is recorded for the background
 * retry with a growing delay; it never throws.
 */
final class RemovalAttempts {
    private final GitCredentialEngine engine;
    private final LifecycleHost host;
    private final RemovalRegistry registry;
    private final RetrySchedule schedule;
    private final InFlightPushes inFlight;
    /** Tries a removal again now (given its id): for removals that waited for a push to answer. */
    private final Consumer<String> whenPushAnswered;

    /** A push to the same principal is on its way: the removal must wait for its answer. Not a failure. */
    private static final class PushOnItsWay extends Exception {
        private static final long serialVersionUID = 1L;
    }

    RemovalAttempts(
            GitCredentialEngine engine,
            LifecycleHost host,
            RemovalRegistry registry,
            RetrySchedule schedule,
            InFlightPushes inFlight,
            Consumer<String> whenPushAnswered) {
        this.engine = engine;
        this.whenPushAnswered = whenPushAnswered;
        this.host = host;
        this.registry = registry;
        this.schedule = schedule;
        this.inFlight = inFlight;
    }

    /** @return {@code true} when nothing of the removal is left to do */
    boolean run(PendingRemoval removal, RemovalStore store, Consumer<String> log) {
        PendingRemoval registered = registry.get(removal.id());
        PendingRemoval current = registered != null ? registered : removal;
        RemoveResult result;
        try {
            result = removeFromDatabricks(current);
        } catch (PushOnItsWay e) {
            schedule.takeOver(current.id());
            schedule.later(current.id());
            // Tried again as soon as that push has answered (the scheduled retry is the backstop).
            inFlight.whenFree(InFlightPushes.lane(engine, current), () -> whenPushAnswered.accept(current.id()));
            log.accept(PREFIX + "Removing Git credential " + credentialLabel(current) + " of "
                    + current.principalLabel() + " on " + current.workspaceUrl() + " waits for a push to the same"
                    + " principal that has not answered yet; it goes on in the background once that push has"
                    + " answered.");
            return false;
        } catch (Exception e) {
            String error = errorText(e);
            PendingRemoval failed = current.withError(error, true, true);
            boolean recorded = registry.recordFailure(
                    failed, registered != null, store, () -> schedule.failed(failed.id(), failed.attempts()));
            log.accept(PREFIX + "Could not remove Git credential " + credentialLabel(current) + " of "
                    + current.principalLabel() + " on " + current.workspaceUrl() + ": " + error
                    + (recorded
                            ? " It is retried in the background until it is removed or an administrator dismisses"
                                    + " it."
                            : " Its removal was dismissed meanwhile, so it is not retried."));
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
        registry.forget(current, store);
        schedule.forget(current.id());
        long credentialId = result.credentialId() != 0 ? result.credentialId() : current.credentialId();
        String what = "Git credential " + (credentialId != 0 ? credentialId : "(id unknown)")
                + " (bitbucketCloud, x-token-auth) of " + current.principalLabel() + " on " + current.workspaceUrl();
        log.accept(PREFIX
                + switch (result.outcome()) {
                    case REMOVED -> "Removed " + what;
                    case ALREADY_GONE -> "Nothing to remove: " + what + " was already gone";
                    case KEPT ->
                        "Kept " + what + ": "
                                + (result.reason() != null ? result.reason() : "another build still uses it") + ".";
                });
        return true;
    }

    private RemoveResult removeFromDatabricks(PendingRemoval removal) throws Exception {
        Lease lease = removal.lease();
        if (lease == null && inFlight.busy(InFlightPushes.lane(engine, removal))) {
            throw new PushOnItsWay();
        }
        Target target = host.target(removal);
        if (lease != null) {
            return engine.release(lease, target.client());
        }
        // The push never answered (aborted, killed, timed out): Databricks may hold what it wrote or not.
        return engine.removeUnanswered(target, removal.unanswered());
    }

    static String credentialLabel(PendingRemoval removal) {
        return removal.credentialId() != 0 ? String.valueOf(removal.credentialId()) : "(id unknown)";
    }

    private static String errorText(Exception e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName() + ".";
        }
        return message.endsWith(".") ? message : message + ".";
    }
}

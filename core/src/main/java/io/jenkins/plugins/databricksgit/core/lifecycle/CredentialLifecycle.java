package io.jenkins.plugins.databricksgit.core.lifecycle;

import io.jenkins.plugins.databricksgit.core.DatabricksException;
import io.jenkins.plugins.databricksgit.core.GitCredentialEngine;
import io.jenkins.plugins.databricksgit.core.KnownCredential;
import io.jenkins.plugins.databricksgit.core.KnownPrincipal;
import io.jenkins.plugins.databricksgit.core.Lease;
import io.jenkins.plugins.databricksgit.core.Principal;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The life of a credential that a build pushes: push, then remove at the end of a block or when the build completes,
 * whatever happens in between (failure, abort, a kill, a controller restart), and keep retrying a removal that
 * failed until it succeeds or an administrator dismisses it.
 *
 * <p>Every removal a build asks for is written to the build's {@link RemovalStore} <em>before</em> the push is sent
 * and deleted only once the removal is done, so that whoever finishes the build (the block, the build-completion
 * safety net, the background retry, after a restart too) finds it. It records what the push targeted, and the
 * removal goes there ({@link LifecycleHost#target}); it deletes only what that push wrote and nobody asked to keep
 * since (see {@link GitCredentialEngine}). Inputs are checked before anything is recorded, so that a push that can
 * never be sent leaves nothing behind.
 *
 * <p>Removals run on a few threads ({@link LifecycleSettings#removalThreads()}), one at a time per principal, and
 * every wait for them is bounded and gives way to an abort; what does not finish in time goes on in the background.
 * One instance serves a whole controller, like the engine it drives; it holds no Jenkins type, so the Jenkins glue
 * only adapts it. The parts: {@link PushFlow} (a push and its record), {@link RemovalRegistry} (what is pending,
 * persisted), {@link RetrySchedule} (when to try again, and what the background owns), {@link RemovalRunner} (the
 * bounded threads) and {@link RemovalAttempts} (one attempt).
 */
public final class CredentialLifecycle implements AutoCloseable {
    /** Starts every build-log line, so that users and tests can find them. */
    public static final String PREFIX = "[databricks-git-credential] ";

    private static final Logger LOGGER = Logger.getLogger(CredentialLifecycle.class.getName());

    private final GitCredentialEngine engine;
    private final LifecycleHost host;
    private final LifecycleSettings settings;
    private final RemovalRegistry registry;
    private final RetrySchedule schedule;
    private final InFlightPushes inFlight = new InFlightPushes();
    private final RemovalRunner runner;
    private final RemovalAttempts attempts;
    private final PushFlow pushes;

    public CredentialLifecycle(GitCredentialEngine engine, LifecycleHost host, LifecycleSettings settings) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.host = Objects.requireNonNull(host, "host");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.registry = new RemovalRegistry(engine, host);
        this.schedule = new RetrySchedule(settings);
        this.runner = new RemovalRunner(
                settings.removalThreads(), settings.removalQueue(), "databricks-git-credential removal");
        this.attempts = new RemovalAttempts(engine, host, registry, schedule, inFlight, this::retryNow);
        this.pushes = new PushFlow(engine, settings, registry, inFlight);
    }

    /**
     * Pushes the token. Unless the credential is kept, the removal is recorded in {@code store} first and its id
     * returned with the result.
     *
     * @param log receives build-log lines
     * @throws IllegalArgumentException when an input can never work (nothing is recorded or sent)
     * @throws InterruptedException when the build is aborted during the push; the recorded removal stays for the
     *     build-completion safety net, since Databricks may or may not have received the push
     */
    public Pushed push(PushSpec spec, RemovalStore store, Consumer<String> log)
            throws DatabricksException, InterruptedException, IOException {
        return pushes.push(spec, store, log);
    }

    /**
     * Removes what one push recorded (the end of a block), waiting at most {@link LifecycleSettings#removalTimeout()}.
     * A failure is logged and handed to the background retry; it does not throw, because the retry, not the build,
     * is now responsible.
     *
     * @return {@code true} when nothing of it is left to remove
     * @throws InterruptedException when the build is aborted while waiting; the removal goes on in the background
     */
    public boolean remove(String removalId, RemovalStore store, Consumer<String> log) throws InterruptedException {
        PendingRemoval removal = find(removalId, store);
        if (removal == null) {
            return true;
        }
        AtomicReference<Consumer<String>> sink = new AtomicReference<>(log);
        CompletableFuture<Boolean> attempt =
                attempt(removal, store, line -> sink.get().accept(line));
        Instant deadline = settings.clock().instant().plus(settings.removalTimeout());
        try {
            return await(attempt, deadline, settings.removalTimeout(), log, removal);
        } catch (InterruptedException e) {
            log.accept(PREFIX + "Stopped waiting for the removal of Git credential "
                    + RemovalAttempts.credentialLabel(removal) + " of " + removal.principalLabel() + " on "
                    + removal.workspaceUrl() + " (the build was aborted); it goes on in the background.");
            handOver(removal, sink);
            throw e;
        } finally {
            if (!attempt.isDone()) {
                handOver(removal, sink);
            }
        }
    }

    /**
     * Starts removing what one push recorded without waiting (an abort: the caller may be a thread that must not
     * block). Failures go to the background retry like any other.
     */
    public CompletableFuture<Boolean> removeInBackground(String removalId, RemovalStore store, Consumer<String> log) {
        PendingRemoval removal = find(removalId, store);
        if (removal == null) {
            return CompletableFuture.completedFuture(true);
        }
        return attempt(removal, store, log);
    }

    /** The removal as this controller knows it, or else as the build recorded it, or {@code null}. */
    private PendingRemoval find(String removalId, RemovalStore store) {
        PendingRemoval known = registry.get(removalId);
        if (known != null) {
            return known;
        }
        return store.list().stream()
                .filter(r -> r.id().equals(removalId))
                .findFirst()
                .orElse(null);
    }

    /**
     * The build-completion safety net: removes whatever the build still has recorded, waiting at most
     * {@link LifecycleSettings#completionTimeout()} in all; what is not done by then goes on in the background.
     */
    public void buildCompleted(String buildId, RemovalStore store, Consumer<String> log) {
        Map<String, PendingRemoval> todo = new LinkedHashMap<>();
        for (PendingRemoval r : store.list()) {
            todo.put(r.id(), r);
        }
        for (PendingRemoval r : registry.all()) {
            if (r.buildId().equals(buildId)) {
                todo.putIfAbsent(r.id(), r);
            }
        }
        if (todo.isEmpty()) {
            return;
        }
        Instant deadline = settings.clock().instant().plus(settings.completionTimeout());
        Map<PendingRemoval, AtomicReference<Consumer<String>>> sinks = new LinkedHashMap<>();
        Map<PendingRemoval, CompletableFuture<Boolean>> running = new LinkedHashMap<>();
        for (PendingRemoval r : todo.values()) {
            AtomicReference<Consumer<String>> sink = new AtomicReference<>(log);
            sinks.put(r, sink);
            running.put(r, attempt(r, store, line -> sink.get().accept(line)));
        }
        boolean interrupted = false;
        for (Map.Entry<PendingRemoval, CompletableFuture<Boolean>> e : running.entrySet()) {
            try {
                await(e.getValue(), deadline, settings.completionTimeout(), log, e.getKey());
            } catch (InterruptedException x) {
                interrupted = true;
                deadline = settings.clock().instant();
            }
            if (!e.getValue().isDone()) {
                // The build log is about to close: later lines of this attempt go to the controller log.
                handOver(e.getKey(), sinks.get(e.getKey()));
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The build no longer waits for this removal: the background owns it, and its lines go to the controller log. */
    private void handOver(PendingRemoval removal, AtomicReference<Consumer<String>> sink) {
        sink.set(CredentialLifecycle::logToController);
        if (registry.get(removal.id()) != null) {
            schedule.takeOver(removal.id());
        }
    }

    private boolean await(
            CompletableFuture<Boolean> future,
            Instant deadline,
            Duration limit,
            Consumer<String> log,
            PendingRemoval removal)
            throws InterruptedException {
        try {
            long millis = Math.max(
                    0, Duration.between(settings.clock().instant(), deadline).toMillis());
            return future.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.accept(PREFIX + "Removing Git credential " + RemovalAttempts.credentialLabel(removal) + " of "
                    + removal.principalLabel() + " on " + removal.workspaceUrl() + " takes longer than "
                    + limit.toSeconds() + " s; it goes on in the background and is retried until it succeeds.");
            return false;
        } catch (ExecutionException e) {
            // Attempts handle their own failures; anything here is a bug, and the retry still owns the removal.
            LOGGER.log(Level.WARNING, "Unexpected failure removing " + removal, e.getCause());
            return false;
        }
    }

    /** Starts (or joins) a removal attempt on a removal thread. */
    private CompletableFuture<Boolean> attempt(PendingRemoval removal, RemovalStore store, Consumer<String> log) {
        return runner.submit(removal.id(), lane(removal), () -> attempts.run(removal, store, log), () -> {
            if (registry.get(removal.id()) != null) {
                schedule.takeOver(removal.id());
                schedule.later(removal.id());
            }
            log.accept(PREFIX + "Too many Git credential removals are waiting; the removal of Git credential "
                    + RemovalAttempts.credentialLabel(removal) + " of " + removal.principalLabel() + " on "
                    + removal.workspaceUrl() + " is left to the background retry, which sends it within "
                    + settings.firstRetryDelay().toSeconds() + " s.");
        });
    }

    /** The principal a removal acts on, as the engine names it (removals of one principal run one at a time). */
    private String lane(PendingRemoval removal) {
        return InFlightPushes.lane(engine, removal);
    }

    /**
     * One round of the background retry: every removal it owns whose delay has passed is tried again, and removals
     * of builds that can no longer finish by themselves (lost in a restart) are taken over. Waits for the attempts
     * at most {@link LifecycleSettings#removalTimeout()} in all; slower ones go on.
     *
     * @return how many removals were completed in this round
     */
    public int retryDue() {
        Instant now = settings.clock().instant();
        List<CompletableFuture<Boolean>> started = new ArrayList<>();
        for (String id : schedule.due(now)) {
            PendingRemoval removal = registry.get(id);
            if (removal == null) {
                schedule.forget(id);
                continue;
            }
            if (!schedule.owns(id) && host.isBuilding(removal.buildId())) {
                // The build still runs: its block or its completion removes the credential.
                schedule.later(id);
                continue;
            }
            schedule.takeOver(id);
            started.add(attempt(removal, host.store(removal.buildId()), CredentialLifecycle::logToController));
        }
        int done = 0;
        long deadline = System.nanoTime() + settings.removalTimeout().toNanos();
        for (CompletableFuture<Boolean> f : started) {
            try {
                if (f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    done++;
                }
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
                return done;
            } catch (TimeoutException x) {
                // Still running: it completes or fails on its own, and is looked at again in a later round.
            } catch (ExecutionException x) {
                LOGGER.log(Level.WARNING, "Unexpected failure in a Git credential removal", x.getCause());
            }
        }
        return done;
    }

    /**
     * Tries a removal the background retry owns now, whatever its delay (an administrator's <em>Retry now</em>).
     * Does not wait for the attempt.
     *
     * @return {@code false} when no such removal is owned by the background retry
     */
    public boolean retryNow(String removalId) {
        PendingRemoval removal = registry.get(removalId);
        if (removal == null || !schedule.owns(removalId)) {
            return false;
        }
        schedule.now(removalId);
        attempt(removal, host.store(removal.buildId()), CredentialLifecycle::logToController);
        return true;
    }

    /**
     * Re-registers what was pending before a restart: what the engine learnt about principals and knew about the
     * credentials (keeps, ids) and the leases, so that other pushes respect them, and hands everything to the background retry, which leaves
     * builds that are still running to finish by themselves.
     */
    public void restore(PendingRemovalFile.Contents contents) {
        for (KnownPrincipal principal : contents.principals()) {
            engine.restore(principal);
        }
        for (KnownCredential known : contents.credentials()) {
            engine.restore(known);
        }
        restore(contents.removals());
    }

    /** As {@link #restore(PendingRemovalFile.Contents)}, for removals only. */
    public void restore(Collection<PendingRemoval> removals) {
        for (PendingRemoval r : removals) {
            registry.restore(r);
            Lease lease = r.lease();
            if (lease != null) {
                engine.restore(lease);
            }
            if (r.state() == PendingRemoval.State.RETRYING) {
                schedule.takeOver(r.id());
            } else {
                schedule.later(r.id());
            }
        }
    }

    /**
     * Gives up on a removal: it is no longer retried or listed. The credential stays on Databricks (an administrator
     * removes it by hand, or it was removed already).
     *
     * @return {@code false} when there was no such removal
     */
    public boolean dismiss(String removalId) {
        PendingRemoval removal = registry.dismiss(removalId, () -> schedule.forget(removalId));
        if (removal == null) {
            return false;
        }
        LOGGER.log(Level.INFO, "Dismissed the removal of {0}", removal);
        return true;
    }

    /** Whether the background retry owns any removal; cheap (memory only), for page rendering. */
    public boolean hasBackgroundRemovals() {
        for (PendingRemoval r : registry.all()) {
            if (schedule.owns(r.id())) {
                return true;
            }
        }
        return false;
    }

    /** Whether any removal failed and waits for a retry; memory only. */
    public boolean hasFailedRemovals() {
        return registry.all().stream().anyMatch(r -> r.state() == PendingRemoval.State.RETRYING);
    }

    /** Removals that failed and are being retried, oldest first; memory only. */
    public List<PendingRemoval> failedRemovals() {
        return registry.all().stream()
                .filter(r -> r.state() == PendingRemoval.State.RETRYING)
                .sorted(Comparator.comparingLong(PendingRemoval::createdAt))
                .toList();
    }

    /**
     * The removals the background retry owns (their build can no longer finish them), oldest first, with why each
     * is pending and when it is tried next; memory only.
     */
    public List<RemovalStatus> backgroundRemovals() {
        return registry.all().stream()
                .filter(r -> schedule.owns(r.id()))
                .sorted(Comparator.comparingLong(PendingRemoval::createdAt))
                .map(r -> new RemovalStatus(r, r.why(), schedule.next(r.id()), runner.isBusy(r.id())))
                .toList();
    }

    /** Every removal not done yet, whatever its state; memory only. */
    public List<PendingRemoval> pending() {
        return List.copyOf(registry.all());
    }

    /** When the background retry next looks at a removal, or {@code null}. */
    public Instant nextAttempt(String removalId) {
        return schedule.next(removalId);
    }

    /** Threads sending removals now (bounded by {@link LifecycleSettings#removalThreads()}). */
    public int removalThreads() {
        return runner.threads();
    }

    static String describe(Principal principal) {
        return (principal.servicePrincipal() ? "service principal " : "user ") + principal.label();
    }

    private static void logToController(String line) {
        LOGGER.info(line);
    }

    @Override
    public void close() {
        runner.close();
    }

    /** Ids of the pushes on their way now, for tests. */
    Set<String> inFlightIds() {
        return inFlight.ids();
    }
}

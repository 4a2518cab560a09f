package io.jenkins.plugins.databricksgit.core.lifecycle;

import io.jenkins.plugins.databricksgit.core.DatabricksClient;
import io.jenkins.plugins.databricksgit.core.DatabricksException;
import io.jenkins.plugins.databricksgit.core.GitCredentialEngine;
import io.jenkins.plugins.databricksgit.core.Lease;
import io.jenkins.plugins.databricksgit.core.LeaseWaitTimeoutException;
import io.jenkins.plugins.databricksgit.core.Principal;
import io.jenkins.plugins.databricksgit.core.PushRequest;
import io.jenkins.plugins.databricksgit.core.PushResult;
import io.jenkins.plugins.databricksgit.core.RemoveResult;
import io.jenkins.plugins.databricksgit.core.Target;
import io.jenkins.plugins.databricksgit.core.TokenVerificationException;
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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
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
 * and deleted only once the removal succeeded, so that whoever finishes the build (the block, the build-completion
 * safety net, the background retry, after a restart too) finds it. One instance serves a whole controller, like the
 * engine it drives; it holds no Jenkins type, so the Jenkins glue only adapts it.
 */
public final class CredentialLifecycle implements AutoCloseable {
    /** Starts every build-log line, so that users and tests can find them. */
    public static final String PREFIX = "[databricks-git-credential] ";

    private static final Logger LOGGER = Logger.getLogger(CredentialLifecycle.class.getName());

    private final GitCredentialEngine engine;
    private final LifecycleHost host;
    private final LifecycleSettings settings;
    private final ExecutorService executor;

    /** Every removal not done yet: the source of the persisted registry and the monitor's view. */
    private final ConcurrentMap<String, PendingRemoval> registry = new ConcurrentHashMap<>();
    /** Removal id to the earliest time the background retry looks at it again. */
    private final ConcurrentMap<String, Instant> retryAt = new ConcurrentHashMap<>();
    /** Pushes on their way to Databricks: removal id (or a fresh id for kept pushes) to workspace URL. */
    private final ConcurrentMap<String, String> inFlight = new ConcurrentHashMap<>();
    /** Removal attempts running now, so that the block, the safety net and the retry never race each other. */
    private final ConcurrentMap<String, CompletableFuture<Boolean>> attempts = new ConcurrentHashMap<>();

    private final Object persistLock = new Object();
    /** Orders a dismissal and the bookkeeping of a failed attempt, so that neither undoes the other. */
    private final Object dismissLock = new Object();

    public CredentialLifecycle(GitCredentialEngine engine, LifecycleHost host, LifecycleSettings settings) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.host = Objects.requireNonNull(host, "host");
        this.settings = Objects.requireNonNull(settings, "settings");
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "databricks-git-credential removal " + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Pushes the token. Unless the credential is kept, the removal is recorded in {@code store} first and its id
     * returned with the result.
     *
     * @param log receives build-log lines
     * @throws InterruptedException when the build is aborted during the push; the recorded removal stays for the
     *     build-completion safety net, since Databricks may or may not have received the push
     */
    public Pushed push(PushSpec spec, RemovalStore store, Consumer<String> log)
            throws DatabricksException, InterruptedException, IOException {
        String workspaceUrl = spec.target().client().workspace().url();
        String id = UUID.randomUUID().toString();
        PendingRemoval removal = null;
        if (spec.cleanup() != Cleanup.KEEP) {
            removal = PendingRemoval.beforePush(
                    id,
                    spec.buildId(),
                    spec.holder(),
                    spec.cleanup() == Cleanup.AT_BLOCK_END
                            ? PendingRemoval.When.BLOCK_END
                            : PendingRemoval.When.BUILD_END,
                    spec.workspace(),
                    workspaceUrl,
                    spec.databricksCredentialsId(),
                    spec.servicePrincipal(),
                    settings.clock().millis());
            store.put(removal);
            registry.put(id, removal);
            persist();
        }
        Duration wait = spec.waitTimeout() != null ? spec.waitTimeout() : GitCredentialEngine.DEFAULT_WAIT_TIMEOUT;
        PushResult result;
        inFlight.put(id, workspaceUrl);
        try {
            result = engine.push(new PushRequest(
                    spec.target(),
                    spec.token(),
                    spec.name(),
                    spec.gitEmail(),
                    removal != null,
                    spec.verifyWith(),
                    wait,
                    spec.holder(),
                    message -> log.accept(PREFIX + message)));
        } catch (InterruptedException e) {
            if (removal != null) {
                // No disk write here: an interrupted thread cannot be trusted with interruptible file channels,
                // and the record is already on disk as PUSHING, which is what the safety net needs.
                registry.put(
                        id,
                        removal.withError("The push was interrupted; Databricks may have received it", false, false));
            }
            throw e;
        } catch (DatabricksException e) {
            if (removal != null) {
                if (mayHaveWritten(e)) {
                    PendingRemoval failed = removal.withError(e.getMessage(), false, false);
                    registry.put(id, failed);
                    saveQuietly(store, failed);
                    persist();
                } else {
                    forget(removal, store);
                }
            }
            throw e;
        } catch (RuntimeException e) {
            if (removal != null) {
                PendingRemoval failed = removal.withError(e.getClass().getSimpleName(), false, false);
                registry.put(id, failed);
                saveQuietly(store, failed);
                persist();
            }
            throw e;
        } finally {
            inFlight.remove(id);
        }

        String removalId = null;
        if (removal != null) {
            if (result.lease() == null) {
                forget(removal, store);
            } else {
                PendingRemoval pushed = removal.pushed(result);
                registry.put(id, pushed);
                saveQuietly(store, pushed);
                persist();
                removalId = id;
            }
        }
        log.accept(PREFIX + (result.created() ? "Created" : "Updated") + " Git credential " + result.credentialId()
                + " (bitbucketCloud, x-token-auth) of " + describe(result.principal()) + " on "
                + result.workspaceUrl());
        log.accept(PREFIX + fate(removalId == null ? Cleanup.KEEP : spec.cleanup()));
        return new Pushed(
                result.credentialId(), result.created(), result.principal(), result.workspaceUrl(), removalId);
    }

    private static String fate(Cleanup cleanup) {
        return switch (cleanup) {
            case KEEP -> "The credential is kept after this build (cleanup is off).";
            case AT_BLOCK_END -> "The credential will be removed when the wrapped steps end, whatever their result.";
            case AT_BUILD_END -> "The credential will be removed when the build completes, whatever its result.";
        };
    }

    /**
     * Removes what one push recorded (the end of a block). A failure is logged and handed to the background retry;
     * it does not throw, because the retry, not the build, is now responsible.
     *
     * @return {@code true} when nothing of it is left to remove
     */
    public boolean remove(String removalId, RemovalStore store, Consumer<String> log) throws InterruptedException {
        PendingRemoval removal = find(removalId, store);
        if (removal == null) {
            return true;
        }
        return await(attempt(removal, store, log), null, log, removal);
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
        for (PendingRemoval r : registry.values()) {
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
                await(e.getValue(), deadline, log, e.getKey());
            } catch (InterruptedException x) {
                interrupted = true;
                deadline = settings.clock().instant();
            }
            if (!e.getValue().isDone()) {
                // The build log is about to close: later lines of this attempt go to the controller log.
                sinks.get(e.getKey()).set(CredentialLifecycle::logToController);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean await(
            CompletableFuture<Boolean> future, Instant deadline, Consumer<String> log, PendingRemoval removal)
            throws InterruptedException {
        try {
            if (deadline == null) {
                return future.get();
            }
            long millis = Math.max(
                    0, Duration.between(settings.clock().instant(), deadline).toMillis());
            return future.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.accept(PREFIX + "Removing Git credential " + credentialLabel(removal) + " of "
                    + removal.principalLabel() + " on " + removal.workspaceUrl() + " takes longer than "
                    + settings.completionTimeout().toSeconds()
                    + " s; it goes on in the background and is retried until it succeeds.");
            return false;
        } catch (ExecutionException e) {
            // attempt() handles its own failures; anything here is a bug, and the retry still owns the removal.
            LOGGER.log(Level.WARNING, "Unexpected failure removing " + removal, e.getCause());
            return false;
        }
    }

    /** Starts (or joins) a removal attempt on a background thread. */
    private CompletableFuture<Boolean> attempt(PendingRemoval removal, RemovalStore store, Consumer<String> log) {
        CompletableFuture<Boolean> fresh = new CompletableFuture<>();
        CompletableFuture<Boolean> existing = attempts.putIfAbsent(removal.id(), fresh);
        if (existing != null) {
            return existing;
        }
        executor.execute(() -> {
            // Leave the map before completing: a caller woken by the completion may start the next attempt at once,
            // and must not join this finished one.
            boolean removed = false;
            Throwable failure = null;
            try {
                removed = attemptNow(removal, store, log);
            } catch (Throwable t) {
                failure = t;
            } finally {
                attempts.remove(removal.id(), fresh);
            }
            if (failure != null) {
                fresh.completeExceptionally(failure);
            } else {
                fresh.complete(removed);
            }
        });
        return fresh;
    }

    private boolean attemptNow(PendingRemoval removal, RemovalStore store, Consumer<String> log) {
        PendingRemoval registered = registry.get(removal.id());
        PendingRemoval current = registered != null ? registered : removal;
        RemoveResult result;
        try {
            result = removeFromDatabricks(current);
        } catch (Exception e) {
            String error = errorText(e);
            PendingRemoval failed = current.withError(error, true, true);
            boolean dismissed;
            synchronized (dismissLock) {
                // An administrator may have dismissed the removal while this attempt ran: it must not come back.
                dismissed = registered != null && registry.replace(failed.id(), failed) == null;
                if (!dismissed) {
                    registry.put(failed.id(), failed);
                    retryAt.put(failed.id(), settings.clock().instant().plus(backoff(failed.attempts())));
                    saveQuietly(store, failed);
                    persist();
                }
            }
            log.accept(PREFIX + "Could not remove Git credential " + credentialLabel(current) + " of "
                    + current.principalLabel() + " on " + current.workspaceUrl() + ": " + error
                    + (dismissed
                            ? " Its removal was dismissed meanwhile, so it is not retried."
                            : " It is retried in the background until it is removed or an administrator dismisses"
                                    + " it."));
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
        forget(current, store);
        long credentialId = result.credentialId() != 0 ? result.credentialId() : current.credentialId();
        String what = "Git credential " + (credentialId != 0 ? credentialId : "(id unknown)")
                + " (bitbucketCloud, x-token-auth) of " + current.principalLabel() + " on " + current.workspaceUrl();
        log.accept(PREFIX
                + switch (result.outcome()) {
                    case REMOVED -> "Removed " + what;
                    case ALREADY_GONE -> "Nothing to remove: " + what + " was already gone";
                    case KEPT -> "Kept " + what + ": another build still uses it, or asked to keep it";
                });
        return true;
    }

    private RemoveResult removeFromDatabricks(PendingRemoval removal) throws Exception {
        Target target = host.target(removal);
        Lease lease = removal.lease();
        if (lease != null) {
            return engine.release(lease, target.client());
        }
        // The push never answered (aborted, killed, timed out): Databricks may hold the credential or not.
        if (inFlight.containsValue(removal.workspaceUrl())) {
            throw new IllegalStateException("A push to " + removal.workspaceUrl()
                    + " is still on its way; the removal waits until it has answered.");
        }
        DatabricksClient client = target.client();
        Principal owner = removal.servicePrincipal() == null
                ? client.me()
                : client.resolveServicePrincipal(removal.servicePrincipal());
        boolean heldByOthers = registry.values().stream()
                .anyMatch(r -> !r.id().equals(removal.id())
                        && r.lease() != null
                        && r.workspaceUrl().equals(removal.workspaceUrl())
                        && r.principalId() == owner.id());
        if (heldByOthers) {
            return new RemoveResult(0, RemoveResult.Outcome.KEPT);
        }
        return engine.removeBitbucketCredential(target);
    }

    private Duration backoff(int failures) {
        Duration delay = settings.firstRetryDelay();
        for (int i = 1; i < failures && delay.compareTo(settings.maxRetryDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.maxRetryDelay()) > 0 ? settings.maxRetryDelay() : delay;
    }

    /**
     * One round of the background retry: every failed removal whose delay has passed is tried again, and removals
     * of builds that can no longer finish by themselves (lost in a restart) are taken over. Runs on the caller's
     * thread.
     *
     * @return how many removals were completed in this round
     */
    public int retryDue() {
        Instant now = settings.clock().instant();
        int done = 0;
        List<Map.Entry<String, Instant>> due = new ArrayList<>(retryAt.entrySet());
        due.sort(Map.Entry.comparingByValue());
        for (Map.Entry<String, Instant> e : due) {
            if (e.getValue().isAfter(now)) {
                continue;
            }
            PendingRemoval removal = registry.get(e.getKey());
            if (removal == null) {
                retryAt.remove(e.getKey());
                continue;
            }
            if (removal.state() != PendingRemoval.State.RETRYING && host.isBuilding(removal.buildId())) {
                retryAt.put(removal.id(), now.plus(settings.firstRetryDelay()));
                continue;
            }
            RemovalStore store = host.store(removal.buildId());
            try {
                if (attempt(removal, store, CredentialLifecycle::logToController)
                        .get()) {
                    done++;
                }
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
                return done;
            } catch (ExecutionException x) {
                LOGGER.log(Level.WARNING, "Unexpected failure removing " + removal, x.getCause());
            }
        }
        return done;
    }

    /**
     * Re-registers what was pending before a restart: leases are restored in the engine, so that other pushes
     * respect them, and everything is handed to the background retry, which leaves builds that are still running
     * to finish by themselves.
     */
    public void restore(Collection<PendingRemoval> removals) {
        Instant now = settings.clock().instant();
        for (PendingRemoval r : removals) {
            registry.put(r.id(), r);
            Lease lease = r.lease();
            if (lease != null) {
                engine.restore(lease);
            }
            retryAt.put(
                    r.id(), r.state() == PendingRemoval.State.RETRYING ? now : now.plus(settings.firstRetryDelay()));
        }
    }

    /**
     * Gives up on a removal: it is no longer retried or listed. The credential stays on Databricks (an administrator
     * removes it by hand, or it was removed already).
     *
     * @return {@code false} when there was no such removal
     */
    public boolean dismiss(String removalId) {
        PendingRemoval removal;
        synchronized (dismissLock) {
            removal = registry.remove(removalId);
            retryAt.remove(removalId);
            if (removal == null) {
                return false;
            }
            try {
                host.store(removal.buildId()).delete(removalId);
            } catch (IOException e) {
                LOGGER.log(
                        Level.WARNING,
                        "Could not update build " + removal.buildId() + " after dismissing " + removal,
                        e);
            }
            persist();
        }
        LOGGER.log(Level.INFO, "Dismissed the removal of {0}", removal);
        return true;
    }

    /** Whether any removal failed and waits for a retry; cheap (memory only), for page rendering. */
    public boolean hasFailedRemovals() {
        for (PendingRemoval r : registry.values()) {
            if (r.state() == PendingRemoval.State.RETRYING) {
                return true;
            }
        }
        return false;
    }

    /** Removals that failed and are being retried, oldest first; memory only. */
    public List<PendingRemoval> failedRemovals() {
        return registry.values().stream()
                .filter(r -> r.state() == PendingRemoval.State.RETRYING)
                .sorted(Comparator.comparingLong(PendingRemoval::createdAt))
                .toList();
    }

    /** Every removal not done yet, whatever its state; memory only. */
    public List<PendingRemoval> pending() {
        return List.copyOf(registry.values());
    }

    /** When the background retry next looks at a removal, or {@code null}. */
    public Instant nextAttempt(String removalId) {
        return retryAt.get(removalId);
    }

    private void forget(PendingRemoval removal, RemovalStore store) {
        registry.remove(removal.id());
        retryAt.remove(removal.id());
        try {
            store.delete(removal.id());
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Could not update build " + removal.buildId() + " after removing " + removal, e);
        }
        persist();
    }

    private void persist() {
        synchronized (persistLock) {
            try {
                host.saveRegistry(List.copyOf(registry.values()));
            } catch (IOException e) {
                LOGGER.log(Level.WARNING, "Could not save the pending Git credential removals", e);
            }
        }
    }

    private static void saveQuietly(RemovalStore store, PendingRemoval removal) {
        try {
            store.put(removal);
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Could not record " + removal + " with its build", e);
        }
    }

    /**
     * Whether a failed push may have left a credential behind. A push is several requests (resolve the principal,
     * list, create or update, reconcile), so a definite last answer does not prove that no earlier write landed: only
     * failures that stop a push before any write count as clean.
     */
    private static boolean mayHaveWritten(DatabricksException e) {
        if (e instanceof TokenVerificationException || e instanceof LeaseWaitTimeoutException) {
            return false;
        }
        return switch (e.reason()) {
            case INVALID_TOKEN,
                    NO_CREDENTIALS_SENT,
                    OAUTH_FAILED,
                    UNKNOWN_HOST,
                    TLS_FAILURE,
                    NOT_A_DATABRICKS_WORKSPACE,
                    NOT_SERVICE_PRINCIPAL_MANAGER,
                    PERMISSION_DENIED,
                    NOT_FOUND,
                    ALREADY_EXISTS,
                    INVALID_REQUEST -> false;
            default -> true;
        };
    }

    private static String errorText(Exception e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName() + ".";
        }
        return message.endsWith(".") ? message : message + ".";
    }

    private static String credentialLabel(PendingRemoval removal) {
        return removal.credentialId() != 0 ? String.valueOf(removal.credentialId()) : "(id unknown)";
    }

    static String describe(Principal principal) {
        return (principal.servicePrincipal() ? "service principal " : "user ") + principal.displayName() + " ("
                + principal.id() + ")";
    }

    private static void logToController(String line) {
        LOGGER.info(line);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** Ids of the pushes on their way now, for tests. */
    Set<String> inFlightIds() {
        return Set.copyOf(inFlight.keySet());
    }
}

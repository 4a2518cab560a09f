package io.jenkins.plugins.databricksgit.core;

import io.jenkins.plugins.databricksgit.core.internal.CredentialKey;
import io.jenkins.plugins.databricksgit.core.internal.CredentialSlot;
import io.jenkins.plugins.databricksgit.core.internal.Principals;
import io.jenkins.plugins.databricksgit.core.internal.Principals.Owner;
import io.jenkins.plugins.databricksgit.core.internal.Upsert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Pushes Bitbucket tokens to Databricks principals as their {@code bitbucketCloud} Git credential and removes them
 * again, safely under concurrency inside one JVM. One instance serves a whole Jenkins controller or CLI run.
 *
 * <p>A service principal has one credential per provider, so concurrent builds pushing to the same principal share
 * one credential. The engine keeps them from breaking each other: builds pushing the same token share the credential
 * through {@link Lease}s and it is removed when the last one releases; a push with a different token waits until no
 * lease is held (bounded by {@link PushRequest#waitTimeout()}) and then fails with {@link LeaseWaitTimeoutException}
 * rather than overwrite a token a running build depends on. Writes and lease bookkeeping for one credential are
 * serialized; different principals proceed in parallel. Nothing here survives the JVM: callers persist leases and
 * {@link #restore} them after a restart.
 *
 * <p>A waiting push does not stop new pushes of the holders' token from joining them: a rotated token waits for the
 * builds that still use the old one, and gives up after its wait if they keep overlapping. The credential id is
 * remembered per workspace, principal and provider, so a repeated push is a single PATCH; when that id has been
 * deleted behind the engine's back, the push finds or creates the credential by listing. A push that will be removed
 * again (a lease) usually finds no credential, so it tries the create first and falls back to list and update when
 * one exists; a kept push lists first. Whose credential it is costs no request when the caller names it (OAuth's
 * client id, a numeric id) and one per JVM otherwise; see {@link Principal}.
 *
 * <p>Ownership. A removal deletes the credential only while it still holds what the releasing push wrote and nobody
 * has asked to keep it since. Every write carries a {@code name}: the user's, or else the push's {@link OwnershipTag},
 * and a removal re-reads the credential first: when its name is not one this engine wrote with that token, another
 * controller, the command-line tool or a person wrote it since, and it is left. A push that asks to keep its token
 * marks the credential kept; the mark ends when another token or a new credential is written (the kept one was
 * deleted meanwhile), so a push that created the credential removes it again. What the engine knows per principal
 * (credential id, keep, names) is a {@link KnownCredential}, which callers persist and {@link #restore(KnownCredential)
 * restore} after a restart, as they do with leases.
 */
public final class GitCredentialEngine {
    /** The only username Bitbucket Cloud accepts with a repository access token over HTTPS. */
    public static final String GIT_USERNAME = "x-token-auth";

    /** Databricks' name for Bitbucket Cloud. */
    public static final String GIT_PROVIDER = "bitbucketCloud";

    /** Default wait for a different-token push while a lease is held. */
    public static final Duration DEFAULT_WAIT_TIMEOUT = Duration.ofMinutes(10);

    private static final Logger LOGGER = Logger.getLogger(GitCredentialEngine.class.getName());

    private final ConcurrentMap<CredentialKey, CredentialSlot> slots = new ConcurrentHashMap<>();
    private final Principals principals = new Principals();
    private final TokenFingerprints fingerprints;

    /** An engine whose token fingerprints are keyed per process ({@link TokenFingerprints#perProcess()}). */
    public GitCredentialEngine() {
        this(TokenFingerprints.perProcess());
    }

    /**
     * @param fingerprints how tokens are fingerprinted in leases; leases persisted across a restart need a key that
     *     survives it
     */
    public GitCredentialEngine(TokenFingerprints fingerprints) {
        this.fingerprints = Objects.requireNonNull(fingerprints, "fingerprints");
    }

    /**
     * The owner of the credentials a target means (the client's own identity, or the service principal it names), as
     * far as a push needs to know it: see {@link Principal}. Sends a request only when no earlier answer told (a
     * personal access token's {@code /Me}, a service principal named by applicationId); cached, so the push that
     * follows costs no extra request.
     */
    public Principal owner(Target target) throws DatabricksException {
        Objects.requireNonNull(target, "target");
        Owner owner = owners(target);
        return slotOf(target, owner).owner().principal();
    }

    /**
     * A stable name of a principal in this engine, for grouping work per principal: equal for every identity of one
     * principal that this engine can tie together. No request.
     *
     * @param servicePrincipal the service principal as a build named it, used only when nothing else is known
     */
    public String principalKey(String workspaceUrl, long principalId, String applicationId, String servicePrincipal) {
        return principals.lane(workspaceUrl, principalId, applicationId, servicePrincipal);
    }

    /** The fingerprint this engine tells tokens apart by; no secret, and the token cannot be derived from it. */
    public String fingerprint(BitbucketToken token) {
        return fingerprintOf(token.secret());
    }

    /** Every fingerprint this engine keeps, of tokens and of personal access tokens alike: keyed, never a digest. */
    private String fingerprintOf(SecretValue secret) {
        return fingerprints.of(secret);
    }

    private Owner owners(Target target) throws DatabricksException {
        SecretValue pat = target.client().personalAccessToken();
        return principals.resolve(target, pat == null ? null : fingerprintOf(pat));
    }

    /** An owner and the slot its credential has in this engine. */
    private record Slotted(Owner owner, CredentialKey key) {}

    /** The owner's slot key, looking up the owner's other identity first when that alone can tell the slot. */
    private Slotted slotOf(Target target, Owner owner) throws DatabricksException {
        String workspaceUrl = target.client().workspace().url();
        CredentialKey key = principals.keyForPush(workspaceUrl, owner.principal(), GIT_PROVIDER);
        if (key == null) {
            owner = new Owner(principals.complete(owner, target.client()), owner.managerMode());
            key = principals.key(
                    workspaceUrl, owner.principal().id(), owner.principal().applicationId(), GIT_PROVIDER);
        }
        return new Slotted(owner, key);
    }

    /** The {@code name} a push writes: the user's name, or else the push's {@link OwnershipTag}. */
    public static String credentialName(String name, String pushId) {
        return name == null || name.isBlank() ? OwnershipTag.of(pushId) : name;
    }

    /**
     * Creates or updates the principal's bitbucketCloud credential (x-token-auth).
     *
     * @throws TokenVerificationException when {@link PushRequest#verifyWith()} rejected the token (nothing was sent to
     *     Databricks)
     * @throws LeaseWaitTimeoutException when builds with another token held the credential for the whole wait
     */
    public PushResult push(PushRequest request) throws DatabricksException, InterruptedException {
        Objects.requireNonNull(request, "request");
        Target target = Objects.requireNonNull(request.target(), "target");
        BitbucketToken token = Objects.requireNonNull(request.token(), "token");
        Consumer<String> progress = request.progress() == null ? message -> {} : request.progress();
        String holder = request.holder() == null || request.holder().isBlank() ? "an unnamed caller" : request.holder();

        if (request.verifyWith() != null) {
            verify(request.verifyWith(), token, progress);
        } else {
            token.warnings().forEach(progress);
        }

        DatabricksClient client = target.client();
        Slotted slotted = slotOf(target, owners(target));
        Owner owner = slotted.owner();
        String workspaceUrl = client.workspace().url();
        CredentialKey key = slotted.key();
        String fingerprint = fingerprint(token);
        String pushId = request.pushId() == null || request.pushId().isBlank()
                ? UUID.randomUUID().toString()
                : request.pushId();
        String name = credentialName(request.name(), pushId);
        GitCredentialSpec spec = new GitCredentialSpec(
                GIT_PROVIDER, GIT_USERNAME, token.secret(), blankToNull(request.gitEmail()), name);
        Duration timeout = request.waitTimeout() == null ? DEFAULT_WAIT_TIMEOUT : request.waitTimeout();
        long timeoutNanos = timeout.isNegative() ? 0 : saturatedNanos(timeout);
        String who = describe(owner.principal(), workspaceUrl);

        CredentialSlot slot = slot(key);
        long started = System.nanoTime();
        slot.lockInterruptibly();
        try {
            boolean free = slot.awaitNoOtherHolder(fingerprint, timeoutNanos, () -> {
                String message = "Waiting for " + String.join(", ", slot.holderNames())
                        + " to finish: they use the Bitbucket credential of " + who + " with a different token";
                LOGGER.fine(message);
                progress.accept(message);
            });
            if (!free) {
                List<String> holders = slot.holderNames();
                throw new LeaseWaitTimeoutException(
                        "Gave up after " + format(timeout) + " waiting for " + String.join(", ", holders)
                                + " to finish: they use the Bitbucket credential of " + who
                                + " with a different token, and overwriting it would break them. Try again later or"
                                + " allow a longer wait.",
                        holders,
                        Duration.ofNanos(System.nanoTime() - started));
            }
            if (slot.hasHolders()) {
                progress.accept("Sharing the Bitbucket credential of " + who + " with "
                        + String.join(", ", slot.holderNames()) + " (same token)");
            }

            Upsert.Outcome outcome;
            slot.writing(pushId, name);
            try {
                // A push that will be removed expects no credential: it creates first (one request), unless this
                // engine knows one. A user may hold several credentials per provider, so a user's push lists first.
                boolean createFirst = request.removeLater() && owner.principal().servicePrincipal();
                outcome = Upsert.run(client, owner.principalIdParam(), spec, slot.knownId(), createFirst, who);
            } catch (DatabricksException | RuntimeException e) {
                if (!slot.hasHolders()) {
                    // The write may or may not have reached Databricks: this JVM no longer knows which token is there.
                    slot.currentFingerprintUnknown();
                }
                throw e;
            }
            if (outcome.knownIdWasGone()) {
                LOGGER.fine(() -> "Credential " + slot.knownId() + " of " + who + " was gone; recovered by listing");
            }
            slot.written(outcome.credentialId(), fingerprint, name);

            Lease lease = null;
            if (request.removeLater()) {
                lease = new Lease(
                        workspaceUrl,
                        owner.principal().id(),
                        owner.principal().displayName(),
                        GIT_PROVIDER,
                        outcome.credentialId(),
                        UUID.randomUUID().toString(),
                        holder,
                        fingerprint,
                        name,
                        owner.principal().applicationId(),
                        owner.managerMode());
                slot.addHolder(lease);
            } else {
                slot.kept(fingerprint, outcome.credentialId(), holder);
            }
            long id = outcome.credentialId();
            boolean created = outcome.created();
            LOGGER.fine(() -> (created ? "Created" : "Updated") + " Bitbucket credential " + id + " of " + who + " for "
                    + holder + (request.removeLater() ? " (lease taken)" : " (kept)"));
            return new PushResult(id, created, owner.principal(), workspaceUrl, lease);
        } finally {
            slot.unlock();
        }
    }

    /**
     * Releases a lease; the credential is removed when this was the last holder, it still holds what this engine
     * wrote with the lease's token, and nobody asked to keep it. Releasing the same lease twice is harmless. A lease
     * whose credential has since been written by another push (of this engine, or anyone else's, as its name shows)
     * is released without removing anything.
     *
     * <p>Costs a read of the credential and its delete: only Databricks can tell whether another controller, the
     * command-line tool or a person wrote it since, by its name. The read is skipped when no name can tell (a lease
     * recorded before names were written, of a credential this engine knows no name of): the delete alone then.
     *
     * @param client a client of the lease's workspace, able to act on the lease's principal (the principal itself or
     *     one of its managers)
     */
    public RemoveResult release(Lease lease, DatabricksClient client) throws DatabricksException {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(client, "client");
        requireSameWorkspace(lease.workspaceUrl(), client);
        CredentialKey key =
                principals.key(lease.workspaceUrl(), lease.principalId(), lease.applicationId(), lease.gitProvider());
        String who = describe(
                principals.known(
                        lease.workspaceUrl(), lease.principalId(), lease.applicationId(), lease.principalName()),
                lease.workspaceUrl());
        CredentialSlot slot = slot(key);
        slot.lock();
        try {
            slot.removeHolder(lease);
            long id = slot.knownId() != 0 ? slot.knownId() : lease.credentialId();
            if (slot.hasHolders()) {
                LOGGER.fine(() -> lease.holder() + " released credential " + id + " of " + who + "; "
                        + slot.holderCount() + " holder(s) left");
                return kept(id, "another build still uses it (" + String.join(", ", slot.holderNames()) + ")");
            }
            String current = slot.currentFingerprint();
            if (current != null && !current.equals(lease.tokenFingerprint())) {
                return kept(id, "another push has written another token to it since");
            }
            if (slot.isKept(lease.tokenFingerprint(), id)) {
                return kept(id, slot.keptBy() + " asked to keep it");
            }
            SecretValue pat = client.personalAccessToken();
            Long principalIdParam = principals.principalIdParam(client, lease, pat == null ? null : fingerprintOf(pat));
            Set<String> ours = slot.names();
            if (ours.isEmpty() && lease.credentialName() != null) {
                ours = Set.of(lease.credentialName());
            }
            if (ours.isEmpty()) {
                // No name can tell whether someone wrote it since: a read would not change the decision.
                RemoveResult result = delete(client, id, principalIdParam, who);
                slot.forget();
                return result;
            }
            GitCredential now;
            try {
                now = client.getGitCredential(id, principalIdParam);
            } catch (DatabricksException e) {
                if (!Upsert.isNotFound(e)) {
                    throw e;
                }
                LOGGER.fine(() -> "Credential " + id + " of " + who + " was already gone");
                slot.forget();
                return new RemoveResult(id, RemoveResult.Outcome.ALREADY_GONE);
            }
            if (!ours.contains(now.name())) {
                slot.overwrittenElsewhere();
                return kept(id, writtenSince(now.name(), lease.credentialName()));
            }
            RemoveResult result = delete(client, id, principalIdParam, who);
            slot.forget();
            return result;
        } finally {
            slot.unlock();
        }
    }

    /**
     * Removes what a push of unknown outcome may have written: the principal's bitbucketCloud credential, but only
     * while it is still what that push wrote. It is left when a build of this engine holds it, when this engine wrote
     * it since, when a push asked to keep that token, and when its name is not the one the push wrote (someone else
     * wrote it since). Lists the principal's credentials, then deletes.
     */
    public RemoveResult removeUnanswered(Target target, UnansweredPush push) throws DatabricksException {
        Objects.requireNonNull(push, "push");
        Removal r = removal(target);
        Principal pushedTo = new Principal(push.principalId(), push.applicationId(), null, true);
        if (principals.differ(r.workspaceUrl(), r.principal(), pushedTo)) {
            throw new IllegalStateException("The service principal " + target.servicePrincipal() + " is now " + r.who()
                    + ", not the principal " + pushedTo.label() + " the push was for; nothing was removed.");
        }
        r.slot().lock();
        try {
            CredentialSlot slot = r.slot();
            long known = slot.knownId();
            if (slot.hasHolders()) {
                return kept(known, "another build still uses it (" + String.join(", ", slot.holderNames()) + ")");
            }
            if (slot.lastPushId() != null && !slot.lastPushId().equals(push.pushId())) {
                return kept(known, "another push has written it since");
            }
            if (push.tokenFingerprint() != null && slot.isKept(push.tokenFingerprint())) {
                return kept(known, slot.keptBy() + " asked to keep it");
            }
            Optional<GitCredential> existing =
                    Upsert.findBitbucket(r.client().listGitCredentials(r.principalIdParam()));
            if (existing.isEmpty()) {
                LOGGER.fine(() -> r.who() + " has no Bitbucket credential to remove");
                slot.forget();
                return new RemoveResult(0, RemoveResult.Outcome.ALREADY_GONE);
            }
            GitCredential found = existing.get();
            if (push.credentialName() != null && !push.credentialName().equals(found.name())) {
                slot.overwrittenElsewhere();
                return kept(found.id(), writtenSince(found.name(), push.credentialName()));
            }
            RemoveResult result = delete(r.client(), found.id(), r.principalIdParam(), r.who());
            slot.forget();
            return result;
        } finally {
            r.slot().unlock();
        }
    }

    private static RemoveResult kept(long id, String reason) {
        LOGGER.fine(() -> "Left credential " + id + ": " + reason);
        return new RemoveResult(id, RemoveResult.Outcome.KEPT, reason);
    }

    private static String writtenSince(String found, String wrote) {
        return "it was written since by another push (another build, controller, the command-line tool or a person):"
                + " its name is " + quote(found) + (wrote == null ? "" : ", not " + quote(wrote));
    }

    private static String quote(String name) {
        return name == null ? "empty" : "'" + name + "'";
    }

    /** Removes a credential by id, regardless of leases (explicit user action). */
    public RemoveResult remove(Target target, long credentialId) throws DatabricksException {
        Removal r = removal(target);
        r.slot().lock();
        try {
            RemoveResult result = delete(r.client(), credentialId, r.principalIdParam(), r.who());
            if (r.slot().knownId() == credentialId) {
                r.slot().forget();
            }
            return result;
        } finally {
            r.slot().unlock();
        }
    }

    /** Removes the principal's bitbucketCloud credential, whatever its id. */
    public RemoveResult removeBitbucketCredential(Target target) throws DatabricksException {
        Removal r = removal(target);
        r.slot().lock();
        try {
            Optional<GitCredential> existing =
                    Upsert.findBitbucket(r.client().listGitCredentials(r.principalIdParam()));
            if (existing.isEmpty()) {
                LOGGER.fine(() -> r.who() + " has no Bitbucket credential to remove");
                r.slot().forget();
                return new RemoveResult(0, RemoveResult.Outcome.ALREADY_GONE);
            }
            RemoveResult result = delete(r.client(), existing.get().id(), r.principalIdParam(), r.who());
            r.slot().forget();
            return result;
        } finally {
            r.slot().unlock();
        }
    }

    /** What an explicit removal acts on: the owner's slot, a client able to act on the owner, and how to name it. */
    private record Removal(
            DatabricksClient client,
            Long principalIdParam,
            Principal principal,
            String workspaceUrl,
            CredentialSlot slot,
            String who) {}

    private Removal removal(Target target) throws DatabricksException {
        Objects.requireNonNull(target, "target");
        Slotted slotted = slotOf(target, owners(target));
        Owner owner = slotted.owner();
        DatabricksClient client = target.client();
        String workspaceUrl = client.workspace().url();
        return new Removal(
                client,
                owner.principalIdParam(),
                owner.principal(),
                workspaceUrl,
                slot(slotted.key()),
                describe(owner.principal(), workspaceUrl));
    }

    /**
     * Re-registers a lease persisted before a restart, so that its credential stays protected: pushes with another
     * token wait for it, and its release (the last one) removes the credential. Restore the
     * {@linkplain #knownCredentials() known credentials} first.
     */
    public void restore(Lease lease) {
        Objects.requireNonNull(lease, "lease");
        CredentialSlot slot = slot(
                principals.key(lease.workspaceUrl(), lease.principalId(), lease.applicationId(), lease.gitProvider()));
        slot.lock();
        try {
            slot.restoreLease(lease);
            LOGGER.fine(() -> "Restored the lease of " + lease.holder() + " on credential " + lease.credentialId()
                    + " of "
                    + describe(
                            new Principal(lease.principalId(), lease.applicationId(), lease.principalName(), true),
                            lease.workspaceUrl()));
        } finally {
            slot.unlock();
        }
    }

    /**
     * Re-registers what was learnt about a principal before a restart, so that it is not looked up again. Restore
     * these first, then the {@linkplain #restore(KnownCredential) credentials}, then the leases.
     */
    public void restore(KnownPrincipal known) {
        principals.restore(Objects.requireNonNull(known, "known"));
    }

    /** What this engine learnt about principals that saves a look-up after a restart. No secret. */
    public List<KnownPrincipal> knownPrincipals() {
        return principals.known();
    }

    /** Re-registers what was known about a principal's credential before a restart (its keep above all). */
    public void restore(KnownCredential known) {
        Objects.requireNonNull(known, "known");
        CredentialSlot slot = slot(
                principals.key(known.workspaceUrl(), known.principalId(), known.applicationId(), known.gitProvider()));
        slot.lock();
        try {
            slot.restore(known);
        } finally {
            slot.unlock();
        }
    }

    /**
     * What this engine knows about each principal's credential that is worth keeping across a restart: ids, keeps,
     * the names it wrote. No secret. Never waits for a push or a removal in progress (their changes show once done).
     */
    public List<KnownCredential> knownCredentials() {
        List<KnownCredential> known = new ArrayList<>();
        for (CredentialSlot slot : slots.values()) {
            KnownCredential k = slot.published();
            if (k != null) {
                known.add(k);
            }
        }
        return known;
    }

    private static void verify(BitbucketClient bitbucket, BitbucketToken token, Consumer<String> progress)
            throws TokenVerificationException {
        TokenCheck check = bitbucket.verify(token);
        if (check.warnings() != null) {
            check.warnings().forEach(progress);
        }
        if (!check.valid()) {
            LOGGER.fine(() -> "Bitbucket rejected the token (" + check.status() + "); not pushing it");
            throw new TokenVerificationException(check);
        }
    }

    private static RemoveResult delete(DatabricksClient client, long id, Long principalIdParam, String who)
            throws DatabricksException {
        try {
            client.deleteGitCredential(id, principalIdParam);
            LOGGER.fine(() -> "Removed credential " + id + " of " + who);
            return new RemoveResult(id, RemoveResult.Outcome.REMOVED);
        } catch (DatabricksException e) {
            if (!Upsert.isNotFound(e)) {
                throw e;
            }
            LOGGER.fine(() -> "Credential " + id + " of " + who + " was already gone");
            return new RemoveResult(id, RemoveResult.Outcome.ALREADY_GONE);
        }
    }

    private CredentialSlot slot(CredentialKey key) {
        return slots.computeIfAbsent(key, CredentialSlot::new);
    }

    private static void requireSameWorkspace(String leaseWorkspace, DatabricksClient client) {
        String url = client.workspace().url();
        if (!url.equals(leaseWorkspace)) {
            throw new IllegalArgumentException(
                    "The lease belongs to workspace " + leaseWorkspace + " but the client talks to " + url);
        }
    }

    private static String describe(Principal principal, String workspaceUrl) {
        String name = principal.displayName() == null || principal.displayName().isBlank()
                ? "principal"
                : "'" + principal.displayName() + "'";
        String ref = principal.id() != 0
                ? "id " + principal.id()
                : principal.applicationId() != null ? "application id " + principal.applicationId() : "id unknown";
        return name + " (" + ref + ") in " + workspaceUrl;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + " min";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}

package io.jenkins.plugins.databricksgit.core.internal;

import io.jenkins.plugins.databricksgit.core.KnownCredential;
import io.jenkins.plugins.databricksgit.core.Lease;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What this JVM knows about one {@link CredentialKey}. Every field is guarded by {@link #lock}; the engine holds it
 * across the HTTP calls that change the credential, so that a write and the lease bookkeeping that depends on it can
 * never interleave with another caller's (no lost update). Different keys have different slots and proceed in
 * parallel.
 *
 * <p>Besides the leases, a slot remembers what this JVM last wrote: the credential id, the token's fingerprint, the
 * names written with that token (a removal deletes only while Databricks still shows one of them), the push id of
 * the last write attempt, and a keep: a push that asked to keep its token on that credential. A keep holds only as
 * long as the credential and the token are the ones it kept; a write of another token, or a new credential (the kept
 * one was deleted), ends it. {@link #published()} is a lock-free copy of that state, for persisting it.
 */
public final class CredentialSlot {
    /** Names remembered per token: enough for every overlapping holder, bounded for a token shared for ever. */
    static final int MAX_NAMES = 32;

    private final CredentialKey key;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition released = lock.newCondition();

    private final Map<String, Lease> holders = new LinkedHashMap<>();
    private long knownId;
    private String currentFingerprint;
    private final Set<String> names = new LinkedHashSet<>();
    private String lastPushId;
    private String keptFingerprint;
    private long keptCredentialId;
    private String keptBy;
    private volatile KnownCredential published;

    public CredentialSlot(CredentialKey key) {
        this.key = key;
    }

    public void lockInterruptibly() throws InterruptedException {
        lock.lockInterruptibly();
    }

    public void lock() {
        lock.lock();
    }

    /** Publishes the state for {@link #published()} and unlocks. */
    public void unlock() {
        publish();
        lock.unlock();
    }

    /**
     * Waits (releasing the lock meanwhile) until no lease with another token than {@code fingerprint} is held.
     *
     * @return {@code true} when that is the case, {@code false} when {@code nanos} ran out first
     */
    public boolean awaitNoOtherHolder(String fingerprint, long nanos, Runnable onFirstWait)
            throws InterruptedException {
        boolean reported = false;
        while (hasHolderOtherThan(fingerprint)) {
            if (nanos <= 0) {
                return false;
            }
            if (!reported) {
                onFirstWait.run();
                reported = true;
            }
            nanos = released.awaitNanos(nanos);
        }
        return true;
    }

    public boolean hasHolderOtherThan(String fingerprint) {
        for (Lease lease : holders.values()) {
            if (!lease.tokenFingerprint().equals(fingerprint)) {
                return true;
            }
        }
        return false;
    }

    /** Display names of the current holders, for messages. */
    public List<String> holderNames() {
        List<String> result = new ArrayList<>();
        for (Lease lease : holders.values()) {
            result.add(lease.holder());
        }
        return result;
    }

    public boolean hasHolders() {
        return !holders.isEmpty();
    }

    public int holderCount() {
        return holders.size();
    }

    public void addHolder(Lease lease) {
        holders.put(lease.holderId(), lease);
    }

    /** @return {@code true} when the lease was registered */
    public boolean removeHolder(Lease lease) {
        boolean removed = holders.remove(lease.holderId()) != null;
        if (holders.isEmpty()) {
            released.signalAll();
        }
        return removed;
    }

    /** Wakes waiters after a change that may let them proceed. */
    public void signalChange() {
        released.signalAll();
    }

    /** The credential id last seen for this key, or 0 when unknown. */
    public long knownId() {
        return knownId;
    }

    public void knownId(long id) {
        this.knownId = id;
    }

    /** Fingerprint of the token this JVM last stored in the credential, or {@code null} when unknown. */
    public String currentFingerprint() {
        return currentFingerprint;
    }

    /** A write of unknown outcome: this JVM no longer knows which token is there. */
    public void currentFingerprintUnknown() {
        this.currentFingerprint = null;
    }

    /** Called before a write is sent: whatever its outcome, it is the last write this JVM attempted. */
    public void writing(String pushId, String name) {
        lastPushId = pushId;
        remember(name);
    }

    /**
     * A write that Databricks confirmed. Another token forgets the names of the previous one; another token or
     * another credential ends a keep.
     */
    public void written(long credentialId, String fingerprint, String name) {
        if (!fingerprint.equals(currentFingerprint)) {
            names.clear();
        }
        if (keptFingerprint != null && (!keptFingerprint.equals(fingerprint) || keptCredentialId != credentialId)) {
            clearKeep();
        }
        knownId = credentialId;
        currentFingerprint = fingerprint;
        remember(name);
    }

    /** A push asked to keep the token it just wrote. */
    public void kept(String fingerprint, long credentialId, String by) {
        keptFingerprint = fingerprint;
        keptCredentialId = credentialId;
        keptBy = by;
    }

    /** Whether a push asked to keep this token on this credential, and nothing has ended that since. */
    public boolean isKept(String fingerprint, long credentialId) {
        return keptFingerprint != null && keptFingerprint.equals(fingerprint) && keptCredentialId == credentialId;
    }

    /** Whether a push asked to keep this token, whichever credential holds it. */
    public boolean isKept(String fingerprint) {
        return keptFingerprint != null && keptFingerprint.equals(fingerprint);
    }

    /** Who asked to keep the credential, or {@code null}. */
    public String keptBy() {
        return keptBy;
    }

    /** The names this JVM wrote with the current token; empty when nothing is known. */
    public Set<String> names() {
        return Set.copyOf(names);
    }

    /** The push id of the last write this JVM attempted, or {@code null}. */
    public String lastPushId() {
        return lastPushId;
    }

    /** After a removal nothing about the credential is known any more; holders that remain will find it gone. */
    public void forget() {
        knownId = 0;
        currentFingerprint = null;
        names.clear();
        lastPushId = null;
        clearKeep();
        released.signalAll();
    }

    /** Someone else wrote the credential: what this JVM wrote is no longer there, though the id still is. */
    public void overwrittenElsewhere() {
        currentFingerprint = null;
        names.clear();
        clearKeep();
    }

    /**
     * Re-registers a lease persisted before a restart: it holds the credential again, and what it wrote counts as
     * this JVM's write unless the slot was restored with later knowledge.
     */
    public void restoreLease(Lease lease) {
        addHolder(lease);
        if (knownId == 0) {
            knownId = lease.credentialId();
        }
        if (currentFingerprint == null) {
            currentFingerprint = lease.tokenFingerprint();
        }
        if (lease.tokenFingerprint().equals(currentFingerprint)) {
            remember(lease.credentialName());
        }
    }

    /** Re-registers persisted state (after a restart). */
    public void restore(KnownCredential known) {
        knownId = known.credentialId();
        currentFingerprint = known.tokenFingerprint();
        names.clear();
        known.names().forEach(this::remember);
        lastPushId = known.lastPushId();
        keptFingerprint = known.keptFingerprint();
        keptCredentialId = known.keptCredentialId();
        keptBy = known.keptBy();
    }

    /** What this slot knows, as of the last unlock; {@code null} when it knows nothing worth keeping. Lock-free. */
    public KnownCredential published() {
        return published;
    }

    private void publish() {
        if (knownId == 0 && keptFingerprint == null && lastPushId == null) {
            published = null;
            return;
        }
        published = new KnownCredential(
                key.workspaceUrl(),
                key.principalId(),
                key.applicationId(),
                key.provider(),
                knownId,
                currentFingerprint,
                List.copyOf(names),
                lastPushId,
                keptFingerprint,
                keptCredentialId,
                keptBy);
    }

    private void remember(String name) {
        if (name == null) {
            return;
        }
        names.remove(name);
        names.add(name);
        Iterator<String> oldest = names.iterator();
        while (names.size() > MAX_NAMES) {
            oldest.next();
            oldest.remove();
        }
    }

    private void clearKeep() {
        keptFingerprint = null;
        keptCredentialId = 0;
        keptBy = null;
    }
}

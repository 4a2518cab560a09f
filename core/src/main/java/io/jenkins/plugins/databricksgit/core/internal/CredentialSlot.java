package io.jenkins.plugins.databricksgit.core.internal;

import io.jenkins.plugins.databricksgit.core.Lease;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What this JVM knows about one {@link CredentialKey}. Every field is guarded by {@link #lock}; the engine holds it
 * across the HTTP calls that change the credential, so that a write and the lease bookkeeping that depends on it can
 * never interleave with another caller's (no lost update). Different keys have different slots and proceed in
 * parallel.
 */
public final class CredentialSlot {
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition released = lock.newCondition();

    private final Map<String, Lease> holders = new LinkedHashMap<>();
    private long knownId;
    private String currentFingerprint;
    private String keptFingerprint;

    public void lockInterruptibly() throws InterruptedException {
        lock.lockInterruptibly();
    }

    public void lock() {
        lock.lock();
    }

    public void unlock() {
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
        List<String> names = new ArrayList<>();
        for (Lease lease : holders.values()) {
            names.add(lease.holder());
        }
        return names;
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

    public void currentFingerprint(String fingerprint) {
        this.currentFingerprint = fingerprint;
    }

    /** Fingerprint of a token that a push asked to keep: releasing leases on that token does not remove it. */
    public String keptFingerprint() {
        return keptFingerprint;
    }

    public void keptFingerprint(String fingerprint) {
        this.keptFingerprint = fingerprint;
    }
}

package io.jenkins.plugins.databricksgit.core.lifecycle;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Runs removal attempts on a fixed number of threads, one attempt at a time per lane (a principal), with a bounded
 * number waiting. Bounded on purpose: when Databricks hangs, completing builds must not each leave a thread behind,
 * and threads must not queue on one principal's lock while other principals' removals wait: an attempt waits for the
 * previous one of its lane in a queue, not on a thread. An attempt asked for while the same removal is queued or
 * running joins it. When the queue is full the attempt is not run: {@code onRejected} is called and the attempt
 * reports {@code false}, so that the caller leaves the removal, still recorded, to the background retry.
 */
final class RemovalRunner implements AutoCloseable {
    private static final Logger LOGGER = Logger.getLogger(RemovalRunner.class.getName());

    private final ThreadPoolExecutor pool;
    private final int capacity;

    private final Object lock = new Object();
    /** Attempts queued or running, by removal id. Guarded by {@link #lock}. */
    private final Map<String, CompletableFuture<Boolean>> attempts = new HashMap<>();
    /** Lanes with an attempt running: the attempts waiting behind it. Guarded by {@link #lock}. */
    private final Map<String, Deque<Job>> lanes = new HashMap<>();
    /** Attempts not running yet, in lanes or in the pool's queue. Guarded by {@link #lock}. */
    private int waiting;

    private record Job(
            String id, String lane, Callable<Boolean> task, Runnable onRejected, CompletableFuture<Boolean> done) {}

    RemovalRunner(int threads, int capacity, String threadName) {
        this.capacity = capacity;
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, threadName + " " + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs {@code task} for removal {@code id} in {@code lane}, or joins the attempt of that removal already queued or
     * running.
     *
     * @param onRejected runs (on the caller's thread) when the attempt cannot be queued; keep it short
     */
    CompletableFuture<Boolean> submit(String id, String lane, Callable<Boolean> task, Runnable onRejected) {
        List<Job> rejected = new ArrayList<>();
        CompletableFuture<Boolean> future;
        synchronized (lock) {
            CompletableFuture<Boolean> existing = attempts.get(id);
            if (existing != null) {
                return existing;
            }
            future = new CompletableFuture<>();
            Job job = new Job(id, lane, task, onRejected, future);
            if (waiting >= capacity) {
                rejected.add(job);
            } else {
                attempts.put(id, future);
                waiting++;
                Deque<Job> queue = lanes.get(lane);
                if (queue != null) {
                    queue.add(job);
                } else {
                    lanes.put(lane, new ArrayDeque<>());
                    dispatch(job, rejected);
                }
            }
        }
        rejected.forEach(RemovalRunner::reject);
        return future;
    }

    /** Hands a job to the pool; what the pool refuses (it is shut down) ends in {@code rejected}. Holds the lock. */
    private void dispatch(Job job, List<Job> rejected) {
        Job next = job;
        while (next != null) {
            Job current = next;
            try {
                pool.execute(() -> run(current));
                return;
            } catch (RejectedExecutionException e) {
                attempts.remove(current.id(), current.done());
                waiting--;
                rejected.add(current);
                next = lanes.get(current.lane()).poll();
                if (next == null) {
                    lanes.remove(current.lane());
                }
            }
        }
    }

    private void run(Job job) {
        synchronized (lock) {
            waiting--;
        }
        boolean result = false;
        Throwable failure = null;
        try {
            result = job.task().call();
        } catch (Throwable t) {
            failure = t;
        }
        List<Job> rejected = new ArrayList<>();
        synchronized (lock) {
            // Leave the map before completing: a caller woken by the completion may start the next attempt at once,
            // and must not join this finished one.
            attempts.remove(job.id(), job.done());
            Deque<Job> queue = lanes.get(job.lane());
            Job next = queue == null ? null : queue.poll();
            if (next == null) {
                lanes.remove(job.lane());
            } else {
                dispatch(next, rejected);
            }
        }
        rejected.forEach(RemovalRunner::reject);
        if (failure != null) {
            job.done().completeExceptionally(failure);
        } else {
            job.done().complete(result);
        }
    }

    private static void reject(Job job) {
        try {
            job.onRejected().run();
        } finally {
            job.done().complete(false);
        }
    }

    /** Whether an attempt of this removal is queued or running. */
    boolean isBusy(String id) {
        synchronized (lock) {
            return attempts.containsKey(id);
        }
    }

    /** Threads alive in the pool now. */
    int threads() {
        return pool.getPoolSize();
    }

    /** Attempts waiting for a thread now. */
    int waiting() {
        synchronized (lock) {
            return waiting;
        }
    }

    /**
     * Stops the removal threads and waits a little for them: an attempt that is interrupted still records how far it
     * got (the build and the registry file), and that write should end before the files' owner goes away.
     */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                LOGGER.warning("Git credential removal threads did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

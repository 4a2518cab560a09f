package io.jenkins.plugins.databricksgit.steps;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import hudson.console.ConsoleLogFilter;
import hudson.model.Result;
import hudson.model.TaskListener;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * The contract of a step context, implemented for tests. Like Pipeline's own, it serializes as a reference (the
 * build's name) and finds its build again after deserialization. {@code Run} is not available: there is no Jenkins.
 */
final class FakeStepContext extends StepContext {
    private static final long serialVersionUID = 1L;

    /** The builds "running" in this JVM, as Pipeline finds them again after a restart. */
    static final Map<String, FakeListener> LISTENERS = new ConcurrentHashMap<>();

    static final Map<String, FakeStepContext.Outcome> OUTCOMES = new ConcurrentHashMap<>();

    private final String build;

    FakeStepContext(String build) {
        this.build = build;
        LISTENERS.computeIfAbsent(build, FakeListener::new);
        OUTCOMES.computeIfAbsent(build, b -> new Outcome());
    }

    FakeListener listener() {
        return LISTENERS.get(build);
    }

    Outcome outcome() {
        return OUTCOMES.get(build);
    }

    @Override
    public <T> T get(Class<T> key) {
        if (key == TaskListener.class) {
            return key.cast(listener());
        }
        if (key == ConsoleLogFilter.class) {
            return null;
        }
        return null;
    }

    @Override
    public void onSuccess(Object result) {
        outcome().results.add(result);
    }

    @Override
    public void onFailure(Throwable t) {
        outcome().failures.add(t);
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public ListenableFuture<Void> saveState() {
        return Futures.immediateVoidFuture();
    }

    @Override
    public void setResult(Result r) {}

    @Override
    public BodyInvoker newBodyInvoker() {
        FakeBodyInvoker invoker = new FakeBodyInvoker();
        outcome().invokers.add(invoker);
        return invoker;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FakeStepContext other && other.build.equals(build);
    }

    @Override
    public int hashCode() {
        return Objects.hash(build);
    }

    static final class Outcome {
        final List<Object> results = new CopyOnWriteArrayList<>();
        final List<Throwable> failures = new CopyOnWriteArrayList<>();
        final List<FakeBodyInvoker> invokers = new CopyOnWriteArrayList<>();
    }

    /** Records what the step asks of its body. */
    static final class FakeBodyInvoker extends BodyInvoker {
        final List<Object> contexts = new CopyOnWriteArrayList<>();
        volatile BodyExecutionCallback callback;
        volatile boolean started;

        @Override
        public BodyInvoker withContext(Object override) {
            contexts.add(override);
            return this;
        }

        @Override
        public BodyInvoker withDisplayName(String name) {
            return this;
        }

        @Override
        public BodyInvoker withCallback(BodyExecutionCallback callback) {
            this.callback = callback;
            return this;
        }

        @Override
        public BodyExecution start() {
            started = true;
            return new BodyExecution() {
                private static final long serialVersionUID = 1L;

                @Override
                public java.util.Collection<StepExecution> getCurrentExecutions() {
                    return List.of();
                }

                @Override
                public boolean cancel(boolean mayInterruptIfRunning) {
                    return false;
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }

                @Override
                public boolean isDone() {
                    return false;
                }

                @Override
                public Object get() {
                    throw new IllegalStateException("not finished");
                }

                @Override
                public Object get(long timeout, java.util.concurrent.TimeUnit unit) {
                    throw new IllegalStateException("not finished");
                }
            };
        }

        ConsoleLogFilter filter() {
            return contexts.stream()
                    .filter(ConsoleLogFilter.class::isInstance)
                    .map(ConsoleLogFilter.class::cast)
                    .findFirst()
                    .orElseThrow();
        }
    }
}

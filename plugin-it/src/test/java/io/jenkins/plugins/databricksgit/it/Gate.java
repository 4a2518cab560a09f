package io.jenkins.plugins.databricksgit.it;

import hudson.Extension;
import java.io.Serial;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code gate 'name'}: a Pipeline step that waits until the test opens it, so that a test can look at Databricks
 * while a block's body runs, abort it there or restart the controller there. workflow-support's own
 * {@code SemaphoreStep} does that job in Pipeline's tests, but it ships in a tests jar that is not available here.
 * Survives a restart: the resumed execution registers its new context under the same name.
 */
public final class Gate extends Step {
    private static final Map<String, StepContext> WAITING = new ConcurrentHashMap<>();

    private final String name;

    @DataBoundConstructor
    public Gate(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    /** Waits until a build has reached the gate. */
    public static void awaitReached(String name) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!WAITING.containsKey(name)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("No build reached gate " + name);
            }
            Thread.sleep(20);
        }
    }

    /** Lets the build waiting at the gate go on. */
    public static void open(String name) throws InterruptedException, TimeoutException {
        awaitReached(name);
        WAITING.remove(name).onSuccess(null);
    }

    /** Forgets every gate, between tests. */
    public static void reset() {
        WAITING.clear();
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, name);
    }

    private static final class Execution extends StepExecution {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String name;

        Execution(StepContext context, String name) {
            super(context);
            this.name = name;
        }

        @Override
        public boolean start() {
            WAITING.put(name, getContext());
            return false;
        }

        @Override
        public void onResume() {
            WAITING.put(name, getContext());
        }

        @Override
        public void stop(Throwable cause) {
            WAITING.remove(name);
            getContext().onFailure(cause);
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "gate";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of();
        }
    }
}

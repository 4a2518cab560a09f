package io.jenkins.plugins.databricksgit.steps;

import hudson.console.ConsoleLogFilter;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.databricksgit.core.lifecycle.Cleanup;
import io.jenkins.plugins.databricksgit.core.lifecycle.Pushed;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs both steps. The push and the block's removal are HTTP calls, so they run in {@link #run} and in a
 * {@link TailCall}, never on the Pipeline VM thread. Serialized with the program: it holds the removal id, never a
 * secret; the step itself is transient.
 */
final class GitCredentialStepExecution extends GeneralNonBlockingStepExecution {
    private static final long serialVersionUID = 1L;

    private final transient PushParameters step;
    /** Our own reference, so that the code paths tests drive never depend on the base class's behaviour. */
    private final StepContext context;

    private final boolean block;
    private final boolean cleanupAtBuildEnd;
    private volatile String removalId;

    GitCredentialStepExecution(PushParameters step, StepContext context, boolean block, boolean cleanupAtBuildEnd) {
        super(context);
        this.step = step;
        this.context = context;
        this.block = block;
        this.cleanupAtBuildEnd = cleanupAtBuildEnd;
    }

    @Override
    public boolean start() throws Exception {
        Pushes.validate(step);
        run(this::push);
        return false;
    }

    /** The background part of {@link #start()}: push, then either return the id or start the body. */
    void push() throws Exception {
        BuildContext build = buildOf(context);
        StepsBackend backend = StepsBackend.get();
        ResolvedPush resolved = backend.resolve(build, step);
        Cleanup cleanup = block ? Cleanup.AT_BLOCK_END : cleanupAtBuildEnd ? Cleanup.AT_BUILD_END : Cleanup.KEEP;
        Pushed pushed = Pushes.push(backend, build, step, cleanup, resolved);
        removalId = pushed.removalId();
        if (!block) {
            context.onSuccess(String.valueOf(pushed.credentialId()));
            return;
        }
        ConsoleLogFilter masking = new MaskingConsoleLogFilter(resolved.tokenSecret(), backend.charset(build.run()));
        context.newBodyInvoker()
                .withContext(merge(context.get(ConsoleLogFilter.class), masking))
                .withCallback(new RemoveAtBlockEnd())
                .start();
    }

    private static BuildContext buildOf(StepContext context) throws IOException, InterruptedException {
        return new BuildContext(context.get(Run.class), context.get(TaskListener.class));
    }

    /** What {@link BodyInvoker#mergeConsoleLogFilters} does when there is nothing to merge with. */
    static ConsoleLogFilter merge(ConsoleLogFilter original, ConsoleLogFilter ours) {
        return original == null ? ours : BodyInvoker.mergeConsoleLogFilters(original, ours);
    }

    /**
     * An abort that reaches this step while its body runs: the block's callback may then never be called, so the
     * removal starts right away, in the background. The build-completion safety net is the backstop.
     */
    @Override
    public void stop(Throwable cause) throws Exception {
        onStop();
        super.stop(cause);
    }

    void onStop() {
        String id = removalId;
        if (!block || id == null) {
            return;
        }
        try {
            BuildContext build = buildOf(context);
            StepsBackend backend = StepsBackend.get();
            backend.lifecycle().removeInBackground(id, backend.store(build), build.log());
        } catch (Exception e) {
            // The safety net removes it when the build completes.
        }
    }

    /** The block's end, on success or failure: removes what the push recorded, on a background thread. */
    void removeAtBlockEnd(StepContext bodyContext) throws Exception {
        String id = removalId;
        if (id == null) {
            return;
        }
        BuildContext build = buildOf(bodyContext);
        StepsBackend backend = StepsBackend.get();
        backend.lifecycle().remove(id, backend.store(build), build.log());
    }

    String removalId() {
        return removalId;
    }

    final class RemoveAtBlockEnd extends TailCall {
        private static final long serialVersionUID = 1L;

        @Override
        protected void finished(StepContext bodyContext) throws Exception {
            removeAtBlockEnd(bodyContext);
        }
    }
}

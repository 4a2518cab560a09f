package jenkins.tasks;

import hudson.EnvVars;
import hudson.console.ConsoleLogFilter;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildWrapper;
import java.io.IOException;
import java.io.Serializable;

public abstract class SimpleBuildWrapper extends BuildWrapper {
    public boolean requiresWorkspace() {
        throw new UnsupportedOperationException();
    }

    public void setUp(Context context, Run<?, ?> build, TaskListener listener, EnvVars initialEnvironment)
            throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public ConsoleLogFilter createLoggerDecorator(Run<?, ?> build) {
        throw new UnsupportedOperationException();
    }

    public static final class Context {
        public void setDisposer(Disposer disposer) {
            throw new UnsupportedOperationException();
        }
    }

    public abstract static class Disposer implements Serializable {
        private static final long serialVersionUID = 1L;

        public void tearDown(Run<?, ?> build, TaskListener listener) throws IOException, InterruptedException {
            throw new UnsupportedOperationException();
        }
    }
}

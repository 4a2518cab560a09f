package jenkins.model;

import hudson.model.BuildAuthorizationToken;
import hudson.model.BuildableItem;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.Run;
import jenkins.triggers.TriggeredItem;

public abstract class ParameterizedJobMixIn<
        JobT extends Job<JobT, RunT> & ParameterizedJobMixIn.ParameterizedJob<JobT, RunT> & Queue.Task,
        RunT extends Run<JobT, RunT> & Queue.Executable> {

    private ParameterizedJobMixIn() {
        throw new UnsupportedOperationException();
    }

    protected abstract JobT asJob();

    public interface ParameterizedJob<
                    JobT extends Job<JobT, RunT> & ParameterizedJobMixIn.ParameterizedJob<JobT, RunT> & Queue.Task,
                    RunT extends Run<JobT, RunT> & Queue.Executable>
            extends BuildableItem, TriggeredItem {

        @SuppressWarnings("deprecation")
        BuildAuthorizationToken getAuthToken();
    }
}

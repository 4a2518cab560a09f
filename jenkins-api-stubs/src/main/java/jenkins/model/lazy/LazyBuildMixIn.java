package jenkins.model.lazy;

import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.Run;

public abstract class LazyBuildMixIn<
        JobT extends Job<JobT, RunT> & Queue.Task & LazyBuildMixIn.LazyLoadingJob<JobT, RunT>,
        RunT extends Run<JobT, RunT> & LazyBuildMixIn.LazyLoadingRun<JobT, RunT>> {

    private LazyBuildMixIn() {
        throw new UnsupportedOperationException();
    }

    protected abstract JobT asJob();

    protected abstract Class<RunT> getBuildClass();

    public interface LazyLoadingJob<
            JobT extends Job<JobT, RunT> & Queue.Task & LazyBuildMixIn.LazyLoadingJob<JobT, RunT>,
            RunT extends Run<JobT, RunT> & LazyLoadingRun<JobT, RunT>> {

        LazyBuildMixIn<JobT, RunT> getLazyBuildMixIn();
    }

    public interface LazyLoadingRun<
            JobT extends Job<JobT, RunT> & Queue.Task & LazyBuildMixIn.LazyLoadingJob<JobT, RunT>,
            RunT extends Run<JobT, RunT> & LazyLoadingRun<JobT, RunT>> {

        RunMixIn<JobT, RunT> getRunMixIn();
    }

    public abstract static class RunMixIn<
            JobT extends Job<JobT, RunT> & Queue.Task & LazyBuildMixIn.LazyLoadingJob<JobT, RunT>,
            RunT extends Run<JobT, RunT> & LazyLoadingRun<JobT, RunT>> {

        private RunMixIn() {
            throw new UnsupportedOperationException();
        }

        protected abstract RunT asRun();
    }
}

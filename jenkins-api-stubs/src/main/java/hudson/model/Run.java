package hudson.model;

import hudson.ExtensionPoint;
import hudson.security.AccessControlled;
import java.io.IOException;
import jenkins.console.WithConsoleUrl;
import jenkins.model.HistoricalBuild;
import jenkins.util.io.OnMaster;
import org.kohsuke.stapler.StaplerProxy;

public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable
        implements ExtensionPoint,
                Comparable<RunT>,
                AccessControlled,
                PersistenceRoot,
                DescriptorByNameOwner,
                OnMaster,
                StaplerProxy,
                HistoricalBuild,
                WithConsoleUrl {

    protected Run(JobT job) throws IOException {
        throw new UnsupportedOperationException();
    }

    public JobT getParent() {
        throw new UnsupportedOperationException();
    }
}

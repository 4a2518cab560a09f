package hudson.model;

import hudson.ExtensionPoint;
import java.util.SortedMap;
import jenkins.model.ModelObjectWithChildren;
import jenkins.widgets.HasWidgets;
import org.kohsuke.stapler.StaplerOverridable;

public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem
        implements ExtensionPoint, StaplerOverridable, ModelObjectWithChildren, HasWidgets {

    protected Job(ItemGroup parent, String name) {
        super((ItemGroup) null, (String) null);
        throw new UnsupportedOperationException();
    }

    public abstract boolean isBuildable();

    protected abstract SortedMap<Integer, ? extends RunT> _getRuns();

    protected abstract void removeRun(RunT run);
}

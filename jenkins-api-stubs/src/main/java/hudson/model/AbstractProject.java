package hudson.model;

import hudson.tasks.Publisher;
import hudson.util.DescribableList;
import jenkins.model.ParameterizedJobMixIn;
import jenkins.model.lazy.LazyBuildMixIn;

public abstract class AbstractProject<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Job<P, R>
        implements BuildableItem, LazyBuildMixIn.LazyLoadingJob<P, R>, ParameterizedJobMixIn.ParameterizedJob<P, R> {

    protected AbstractProject(ItemGroup parent, String name) {
        super((ItemGroup) null, (String) null);
        throw new UnsupportedOperationException();
    }

    public abstract DescribableList<Publisher, Descriptor<Publisher>> getPublishersList();

    protected abstract Class<R> getBuildClass();

    public abstract boolean isFingerprintConfigured();
}

package hudson.tasks;

import hudson.model.AbstractProject;
import hudson.model.Descriptor;

public abstract class BuildWrapperDescriptor extends Descriptor<BuildWrapper> {

    /** Does nothing here, so that unit tests can instantiate subclasses. */
    protected BuildWrapperDescriptor() {}

    public abstract boolean isApplicable(AbstractProject<?, ?> item);
}

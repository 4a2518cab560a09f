package hudson.model;

import hudson.security.AccessControlled;
import java.util.Collection;
import jenkins.model.Loadable;
import org.kohsuke.stapler.HttpDeletable;
import org.kohsuke.stapler.StaplerProxy;

public abstract class AbstractItem extends Actionable
        implements Loadable, Item, HttpDeletable, AccessControlled, DescriptorByNameOwner, StaplerProxy {

    protected AbstractItem(ItemGroup parent, String name) {
        throw new UnsupportedOperationException();
    }

    public abstract Collection<? extends Job> getAllJobs();

    public final String getFullName() {
        throw new UnsupportedOperationException();
    }
}

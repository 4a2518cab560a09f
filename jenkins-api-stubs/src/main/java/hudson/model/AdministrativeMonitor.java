package hudson.model;

import hudson.ExtensionPoint;
import org.kohsuke.stapler.StaplerProxy;

public abstract class AdministrativeMonitor extends AbstractModelObject implements ExtensionPoint, StaplerProxy {
    protected AdministrativeMonitor() {}

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    public abstract boolean isActivated();

    @Override
    public final String getSearchUrl() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Object getTarget() {
        throw new UnsupportedOperationException();
    }
}

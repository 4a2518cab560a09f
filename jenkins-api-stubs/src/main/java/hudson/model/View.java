package hudson.model;

import hudson.ExtensionPoint;
import hudson.security.AccessControlled;
import java.util.Collection;
import jenkins.model.ModelObjectWithChildren;
import jenkins.widgets.HasWidgets;

public abstract class View extends AbstractModelObject
        implements AccessControlled,
                Describable<View>,
                ExtensionPoint,
                Saveable,
                ModelObjectWithChildren,
                DescriptorByNameOwner,
                HasWidgets {

    private View() {
        throw new UnsupportedOperationException();
    }

    public abstract Collection<TopLevelItem> getItems();

    public abstract boolean contains(TopLevelItem item);
}

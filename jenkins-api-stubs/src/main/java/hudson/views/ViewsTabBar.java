package hudson.views;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

public abstract class ViewsTabBar extends AbstractDescribableImpl<ViewsTabBar> implements ExtensionPoint {

    private ViewsTabBar() {
        throw new UnsupportedOperationException();
    }
}

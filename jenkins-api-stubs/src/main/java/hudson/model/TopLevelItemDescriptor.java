package hudson.model;

import org.jenkins.ui.icon.IconSpec;

public abstract class TopLevelItemDescriptor extends Descriptor<TopLevelItem> implements IconSpec {

    private TopLevelItemDescriptor() {
        throw new UnsupportedOperationException();
    }

    public abstract TopLevelItem newInstance(ItemGroup parent, String name);
}

package hudson.triggers;

import hudson.model.Descriptor;
import hudson.model.Item;

public abstract class TriggerDescriptor extends Descriptor<Trigger<?>> {

    private TriggerDescriptor() {
        throw new UnsupportedOperationException();
    }

    public abstract boolean isApplicable(Item item);
}

package hudson.triggers;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Item;

public abstract class Trigger<J extends Item> implements Describable<Trigger<?>>, ExtensionPoint {

    private Trigger() {
        throw new UnsupportedOperationException();
    }
}

package hudson.slaves;

import hudson.ExtensionPoint;
import hudson.model.Node;
import hudson.model.ReconfigurableDescribable;

public abstract class NodeProperty<N extends Node>
        implements ReconfigurableDescribable<NodeProperty<?>>, ExtensionPoint {

    private NodeProperty() {
        throw new UnsupportedOperationException();
    }
}

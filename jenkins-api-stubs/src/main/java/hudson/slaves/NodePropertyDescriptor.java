package hudson.slaves;

import hudson.model.Node;
import hudson.tools.PropertyDescriptor;

public abstract class NodePropertyDescriptor extends PropertyDescriptor<NodeProperty<?>, Node> {

    private NodePropertyDescriptor() {
        throw new UnsupportedOperationException();
    }
}

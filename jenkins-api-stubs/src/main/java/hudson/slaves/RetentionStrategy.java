package hudson.slaves;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Computer;

public abstract class RetentionStrategy<T extends Computer> extends AbstractDescribableImpl<RetentionStrategy<?>>
        implements ExtensionPoint {

    private RetentionStrategy() {
        throw new UnsupportedOperationException();
    }

    public abstract long check(T c);
}

package hudson.model;

import hudson.security.AccessControlled;
import java.util.List;
import java.util.concurrent.ConcurrentMap;
import org.kohsuke.stapler.StaplerFallback;
import org.kohsuke.stapler.StaplerProxy;

public abstract class AbstractCIBase extends Node
        implements ItemGroup<TopLevelItem>,
                StaplerProxy,
                StaplerFallback,
                ViewGroup,
                AccessControlled,
                DescriptorByNameOwner {

    public String getNodeName() {
        throw new UnsupportedOperationException();
    }

    public String getUrl() {
        throw new UnsupportedOperationException();
    }

    public abstract List<Node> getNodes();

    public abstract Queue getQueue();

    protected abstract ConcurrentMap<Node, Computer> getComputerMap();
}

package hudson.model;

import hudson.ExtensionPoint;
import hudson.FilePath;
import hudson.Launcher;
import hudson.remoting.Callable;
import hudson.security.AccessControlled;
import hudson.slaves.NodeDescriptor;
import hudson.slaves.NodeProperty;
import hudson.slaves.NodePropertyDescriptor;
import hudson.util.ClockDifference;
import hudson.util.DescribableList;
import java.io.IOException;
import jenkins.util.io.OnMaster;

public abstract class Node extends AbstractModelObject
        implements ReconfigurableDescribable<Node>, ExtensionPoint, AccessControlled, OnMaster, PersistenceRoot {

    public abstract String getNodeName();

    public abstract void setNodeName(String name);

    public abstract String getNodeDescription();

    public abstract Launcher createLauncher(TaskListener listener);

    public abstract int getNumExecutors();

    public abstract Mode getMode();

    protected abstract Computer createComputer();

    public abstract String getLabelString();

    public abstract FilePath getWorkspaceFor(TopLevelItem item);

    public abstract FilePath getRootPath();

    public abstract DescribableList<NodeProperty<?>, NodePropertyDescriptor> getNodeProperties();

    public abstract NodeDescriptor getDescriptor();

    public abstract Callable<ClockDifference, IOException> getClockDifferenceCallable();

    public enum Mode {
        NORMAL,
        EXCLUSIVE;
    }
}

package jenkins.model;

import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractCIBase;
import hudson.model.Computer;
import hudson.model.Descriptor;
import hudson.model.DescriptorByNameOwner;
import hudson.model.ModifiableViewGroup;
import hudson.model.Node;
import hudson.model.Queue;
import hudson.model.TaskListener;
import hudson.model.TopLevelItem;
import hudson.model.TopLevelItemDescriptor;
import hudson.model.View;
import hudson.remoting.Callable;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.slaves.NodeDescriptor;
import hudson.slaves.NodeProperty;
import hudson.slaves.NodePropertyDescriptor;
import hudson.util.ClockDifference;
import hudson.util.DescribableList;
import hudson.views.ViewsTabBar;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentMap;
import jenkins.util.io.OnMaster;
import org.kohsuke.stapler.StaplerFallback;
import org.kohsuke.stapler.StaplerProxy;
import org.springframework.security.access.AccessDeniedException;

public class Jenkins extends AbstractCIBase
        implements DirectlyModifiableTopLevelItemGroup,
                StaplerProxy,
                StaplerFallback,
                ModifiableViewGroup,
                AccessControlled,
                DescriptorByNameOwner,
                ModelObjectWithContextMenu,
                ModelObjectWithChildren,
                OnMaster,
                Loadable {

    private Jenkins() {
        throw new UnsupportedOperationException();
    }

    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException();
    }

    public void setNodeName(String name) {
        throw new UnsupportedOperationException();
    }

    public String getNodeDescription() {
        throw new UnsupportedOperationException();
    }

    public <T extends Descriptor> T getDescriptorByType(Class<T> type) {
        throw new UnsupportedOperationException();
    }

    public Launcher createLauncher(TaskListener listener) {
        throw new UnsupportedOperationException();
    }

    public String getFullName() {
        throw new UnsupportedOperationException();
    }

    public String getFullDisplayName() {
        throw new UnsupportedOperationException();
    }

    public List<TopLevelItem> getItems() {
        throw new UnsupportedOperationException();
    }

    public View getView(String name) {
        throw new UnsupportedOperationException();
    }

    public Collection<View> getViews() {
        throw new UnsupportedOperationException();
    }

    public void addView(View v) throws IOException {
        throw new UnsupportedOperationException();
    }

    public boolean canDelete(View view) {
        throw new UnsupportedOperationException();
    }

    public void deleteView(View view) throws IOException {
        throw new UnsupportedOperationException();
    }

    public void onViewRenamed(View view, String oldName, String newName) {
        throw new UnsupportedOperationException();
    }

    public ViewsTabBar getViewsTabBar() {
        throw new UnsupportedOperationException();
    }

    public Queue getQueue() {
        throw new UnsupportedOperationException();
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    protected ConcurrentMap<Node, Computer> getComputerMap() {
        throw new UnsupportedOperationException();
    }

    public List<Node> getNodes() {
        throw new UnsupportedOperationException();
    }

    public DescribableList<NodeProperty<?>, NodePropertyDescriptor> getNodeProperties() {
        throw new UnsupportedOperationException();
    }

    public NodeDescriptor getDescriptor() {
        throw new UnsupportedOperationException();
    }

    public String getSearchUrl() {
        throw new UnsupportedOperationException();
    }

    public String getUrlChildPrefix() {
        throw new UnsupportedOperationException();
    }

    public File getRootDir() {
        throw new UnsupportedOperationException();
    }

    public FilePath getWorkspaceFor(TopLevelItem item) {
        throw new UnsupportedOperationException();
    }

    public FilePath getRootPath() {
        throw new UnsupportedOperationException();
    }

    public Callable<ClockDifference, IOException> getClockDifferenceCallable() {
        throw new UnsupportedOperationException();
    }

    public ACL getACL() {
        throw new UnsupportedOperationException();
    }

    public TopLevelItem getItem(String name) throws AccessDeniedException {
        throw new UnsupportedOperationException();
    }

    public File getRootDirFor(TopLevelItem child) {
        throw new UnsupportedOperationException();
    }

    public TopLevelItem createProject(TopLevelItemDescriptor type, String name, boolean notify) throws IOException {
        throw new UnsupportedOperationException();
    }

    public void onDeleted(TopLevelItem item) throws IOException {
        throw new UnsupportedOperationException();
    }

    public boolean canAdd(TopLevelItem item) {
        throw new UnsupportedOperationException();
    }

    public <I extends TopLevelItem> I add(I item, String name) throws IOException, IllegalArgumentException {
        throw new UnsupportedOperationException();
    }

    public void remove(TopLevelItem item) throws IOException, IllegalArgumentException {
        throw new UnsupportedOperationException();
    }

    public int getNumExecutors() {
        throw new UnsupportedOperationException();
    }

    public Mode getMode() {
        throw new UnsupportedOperationException();
    }

    public String getLabelString() {
        throw new UnsupportedOperationException();
    }

    public Computer createComputer() {
        throw new UnsupportedOperationException();
    }

    public void load() throws IOException {
        throw new UnsupportedOperationException();
    }

    public void save() throws IOException {
        throw new UnsupportedOperationException();
    }

    public TopLevelItem createProjectFromXML(String name, InputStream xml) throws IOException {
        throw new UnsupportedOperationException();
    }

    public <T extends TopLevelItem> T copy(T src, String name) throws IOException {
        throw new UnsupportedOperationException();
    }

    public Object getTarget() {
        throw new UnsupportedOperationException();
    }

    public View getStaplerFallback() {
        throw new UnsupportedOperationException();
    }

    public static final Permission ADMINISTER = Permission.HUDSON_ADMINISTER;
}

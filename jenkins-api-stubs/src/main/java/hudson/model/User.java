package hudson.model;

import hudson.security.ACL;
import hudson.security.AccessControlled;
import java.io.IOException;
import jenkins.model.Loadable;
import jenkins.model.ModelObjectWithContextMenu;
import org.kohsuke.stapler.StaplerProxy;

public class User extends AbstractModelObject
        implements AccessControlled,
                DescriptorByNameOwner,
                Loadable,
                Saveable,
                Comparable<User>,
                ModelObjectWithContextMenu,
                StaplerProxy {

    private User() {
        throw new UnsupportedOperationException();
    }

    public void load() {
        throw new UnsupportedOperationException();
    }

    public int compareTo(User that) {
        throw new UnsupportedOperationException();
    }

    public String getSearchUrl() {
        throw new UnsupportedOperationException();
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    public void save() throws IOException {
        throw new UnsupportedOperationException();
    }

    public ACL getACL() {
        throw new UnsupportedOperationException();
    }

    public Object getTarget() {
        throw new UnsupportedOperationException();
    }
}

package hudson.model;

import hudson.search.SearchableModelObject;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.security.PermissionGroup;
import java.io.IOException;
import java.util.Collection;
import jenkins.util.io.OnMaster;

public interface Item extends PersistenceRoot, SearchableModelObject, AccessControlled, OnMaster {

    PermissionGroup PERMISSIONS = new PermissionGroup(Item.class, null);

    Permission CONFIGURE = new Permission(PERMISSIONS, "Configure", null, null);

    Permission EXTENDED_READ = new Permission(PERMISSIONS, "ExtendedRead", null, CONFIGURE);

    ItemGroup<? extends Item> getParent();

    Collection<? extends Job> getAllJobs();

    String getName();

    String getFullName();

    String getDisplayName();

    String getFullDisplayName();

    String getUrl();

    String getShortUrl();

    void onLoad(ItemGroup<? extends Item> parent, String name) throws IOException;

    void onCopiedFrom(Item src);

    void save() throws IOException;

    void delete() throws IOException, InterruptedException;
}

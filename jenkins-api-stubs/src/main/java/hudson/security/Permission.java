package hudson.security;

import org.jvnet.localizer.Localizable;

/**
 * Value behaviour: each constant below is a distinct object with the real id, so that tests can tell which
 * permission a method asked for.
 */
public final class Permission {

    public final Class owner;

    public final PermissionGroup group;

    public final String name;

    @Deprecated
    public Permission(PermissionGroup group, String name, Localizable description, Permission impliedBy) {
        this.owner = group.owner;
        this.group = group;
        this.name = name;
    }

    public String getId() {
        return owner.getName() + '.' + name;
    }

    @Override
    public String toString() {
        return "Permission[" + owner + ',' + name + ']';
    }

    public static final PermissionGroup HUDSON_PERMISSIONS = new PermissionGroup(jenkins.model.Jenkins.class, null);

    public static final Permission HUDSON_ADMINISTER = new Permission(HUDSON_PERMISSIONS, "Administer", null, null);
}

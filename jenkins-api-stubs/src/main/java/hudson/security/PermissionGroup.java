package hudson.security;

import java.util.Iterator;
import org.jvnet.localizer.Localizable;

/** Value behaviour: keeps its owner, so that the permissions of the group get their real ids. */
public final class PermissionGroup implements Iterable<Permission>, Comparable<PermissionGroup> {

    public final Class owner;

    public final Localizable title;

    public PermissionGroup(Class owner, Localizable title) throws IllegalStateException {
        this.owner = owner;
        this.title = title;
    }

    public Iterator<Permission> iterator() {
        throw new UnsupportedOperationException();
    }

    public int compareTo(PermissionGroup that) {
        throw new UnsupportedOperationException();
    }
}

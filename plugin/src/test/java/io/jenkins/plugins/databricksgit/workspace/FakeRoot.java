package io.jenkins.plugins.databricksgit.workspace;

import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import org.springframework.security.access.AccessDeniedException;

/** The Jenkins root object as far as permission checks see it, with a fixed answer. */
final class FakeRoot implements AccessControlled {
    private final boolean administer;
    int checks;
    /** Every permission asked, in order. */
    final java.util.List<Permission> asked = new java.util.ArrayList<>();

    FakeRoot(boolean administer) {
        this.administer = administer;
    }

    @Override
    public ACL getACL() {
        throw new AssertionError("permission must be asked through hasPermission/checkPermission");
    }

    @Override
    public boolean hasPermission(Permission permission) {
        checks++;
        asked.add(permission);
        return administer;
    }

    @Override
    public void checkPermission(Permission permission) {
        checks++;
        asked.add(permission);
        if (!administer) {
            throw new AccessDeniedException("anonymous is missing the Overall/Administer permission");
        }
    }
}

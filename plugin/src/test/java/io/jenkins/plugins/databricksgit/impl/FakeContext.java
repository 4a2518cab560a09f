package io.jenkins.plugins.databricksgit.impl;

import hudson.model.ModelObject;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A credentials store context (Jenkins, a folder, a user) through the abstract contracts only: the permission answer
 * is fixed and every question asked is recorded.
 */
final class FakeContext implements ModelObject, AccessControlled {
    private final boolean granted;
    final List<List<Permission>> asked = new ArrayList<>();

    FakeContext(boolean granted) {
        this.granted = granted;
    }

    @Override
    public String getDisplayName() {
        return "store context";
    }

    @Override
    public ACL getACL() {
        throw new AssertionError("permission must be asked through hasAnyPermission");
    }

    @Override
    public boolean hasAnyPermission(Permission... permission) {
        asked.add(Arrays.asList(permission));
        return granted;
    }
}

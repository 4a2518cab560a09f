package io.jenkins.plugins.databricksgit.workspace;

import hudson.security.AccessControlled;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The global configuration without a controller: nothing to load, saves counted; usable from every test package. */
public class UnsavedWorkspaces extends DatabricksWorkspaces {
    public int saves;

    @Override
    public synchronized void load() {}

    @Override
    public synchronized void save() {
        saves++;
    }

    /** Adds a workspace; returns it for further settings. */
    public DatabricksWorkspace add(String name, String url, String credentialsId) {
        DatabricksWorkspace w = new DatabricksWorkspace(name, url, credentialsId);
        List<DatabricksWorkspace> all = new ArrayList<>(getWorkspaces());
        all.add(w);
        setWorkspaces(all);
        return w;
    }

    /** Replaces Jenkins as the object form checks ask for permission. */
    public UnsavedWorkspaces root(Supplier<AccessControlled> root) {
        setRoot(root);
        return this;
    }
}

package io.jenkins.plugins.databricksgit.it;

import hudson.Extension;
import hudson.model.RootAction;
import io.jenkins.plugins.databricksgit.workspace.DatabricksWorkspaces;
import jakarta.servlet.ServletException;
import java.io.IOException;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The Databricks workspaces section of Manage Jenkins → System, alone on a page: rendered and submitted exactly as
 * {@code Jenkins/configure.jelly} and {@code Jenkins.doConfigSubmit} do for each global configuration. The whole
 * System page cannot render here: one of core's own sections is a Groovy view, and a Jenkins core built from source
 * without its generated view tag libraries cannot run it.
 */
@Extension
public final class GlobalConfigurationPage implements RootAction {
    @Override
    public String getUrlName() {
        return "databricks-workspaces-section";
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "Databricks workspaces section";
    }

    public DatabricksWorkspaces getConfiguration() {
        return DatabricksWorkspaces.get();
    }

    @POST
    public HttpResponse doConfigSubmit(StaplerRequest2 req) throws IOException, ServletException {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        JSONObject json = req.getSubmittedForm();
        DatabricksWorkspaces d = DatabricksWorkspaces.get();
        String name = d.getJsonSafeClassName();
        try {
            d.configure(req, json.has(name) ? json.getJSONObject(name) : new JSONObject());
        } catch (hudson.model.Descriptor.FormException e) {
            throw new ServletException(e);
        }
        return HttpResponses.redirectToDot();
    }
}

package io.jenkins.plugins.databricksgit.it;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.databricksgit.steps.DatabricksGitCredentialBuildWrapper;
import io.jenkins.plugins.databricksgit.testkit.StoredGitCredential;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.FailureBuilder;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The build wrapper in real freestyle builds: pushed before the build steps, removed after, whatever the result. */
@WithJenkins
class FreestyleWrapperTest extends ControllerTest {
    private final List<List<StoredGitCredential>> seenDuringTheBuild = new CopyOnWriteArrayList<>();

    private DatabricksGitCredentialBuildWrapper wrapper() {
        DatabricksGitCredentialBuildWrapper w =
                new DatabricksGitCredentialBuildWrapper(Controller.BITBUCKET_CREDENTIAL);
        w.setWorkspace(Controller.WORKSPACE);
        return w;
    }

    /** A build step that records what Databricks holds while the build runs. */
    private TestBuilder lookAtDatabricks() {
        return new TestBuilder() {
            @Override
            public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener) {
                seenDuringTheBuild.add(databricks.credentials());
                return true;
            }
        };
    }

    @Test
    void theCredentialExistsDuringTheBuildOnly() throws Exception {
        FreeStyleProject p = c.freestyle("deploy", wrapper());
        p.getBuildersList().add(lookAtDatabricks());

        FreeStyleBuild b = c.run(p, Result.SUCCESS);

        assertThat(seenDuringTheBuild).singleElement().satisfies(creds -> assertThat(creds)
                .singleElement()
                .satisfies(cred -> assertThat(cred.token()).isEqualTo(databricks.token)));
        assertThat(databricks.credentials()).isEmpty();
        assertThat(Controller.ourLines(b)).anyMatch(l -> l.contains("Removed Git credential"));
        Controller.assertNoStackTrace(b);
    }

    @Test
    void aFailedBuildRemovesTheCredentialToo() throws Exception {
        FreeStyleProject p = c.freestyle("deploy", wrapper());
        p.getBuildersList().add(lookAtDatabricks());
        p.getBuildersList().add(new FailureBuilder());

        FreeStyleBuild b = c.run(p, Result.FAILURE);

        assertThat(seenDuringTheBuild).singleElement().satisfies(creds -> assertThat(creds)
                .hasSize(1));
        assertThat(databricks.credentials()).isEmpty();
        assertThat(Controller.ourLines(b)).anyMatch(l -> l.contains("Removed Git credential"));
    }
}

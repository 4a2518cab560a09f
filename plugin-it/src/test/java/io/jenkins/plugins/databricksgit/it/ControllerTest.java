package io.jenkins.plugins.databricksgit.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * What the tests on a real Jenkins share: a Jenkins with the plugin (each test class adds {@code @WithJenkins}), the
 * emulator it talks to, the administrator's set-up, and afterwards a scan of JENKINS_HOME for every secret used.
 */
abstract class ControllerTest {
    Controller.Databricks databricks;
    Controller c;

    @BeforeEach
    final void startController(JenkinsRule j) throws Exception {
        databricks = new Controller.Databricks();
        c = new Controller(j, databricks);
        configure();
    }

    /** What the administrator set up before the test: by default {@link Controller#standard()}. */
    void configure() throws Exception {
        c.standard();
    }

    @AfterEach
    final void stopController() throws Exception {
        try {
            c.assertNoSecretOnDisk();
        } finally {
            databricks.close();
        }
    }
}

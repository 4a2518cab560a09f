package io.jenkins.plugins.databricksgit.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.ExtensionList;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsSessionRule;

/**
 * The engine, its leases and the pending removals belong to one Jenkins: a Jenkins started again in the same JVM
 * (as the Jenkins Test Harness restarts, and as a servlet container can redeploy) starts from what is on disk, not
 * from what the previous one held in memory.
 */
public class RuntimePerControllerTest {
    @Rule
    public JenkinsSessionRule sessions = new JenkinsSessionRule();

    private static StepsBackend first;

    @Test
    public void aRestartedControllerHasItsOwnBackend() throws Throwable {
        sessions.then(j -> {
            first = StepsRuntime.current();
            assertThat(first).isSameAs(StepsRuntime.current());
        });
        sessions.then(j -> {
            StepsBackend second = StepsRuntime.current();
            assertThat(second).isNotSameAs(first);
            assertThat(ExtensionList.lookupSingleton(StepsRuntime.class).backend())
                    .isSameAs(second);
        });
    }
}

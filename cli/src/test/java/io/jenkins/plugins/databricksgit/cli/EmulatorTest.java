package io.jenkins.plugins.databricksgit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.databricksgit.testkit.DatabricksEmulator;
import io.jenkins.plugins.databricksgit.testkit.EmulatedPrincipal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh emulated workspace per test: service principal {@code deploy-bot}, its manager with a personal access
 * token, and a Bitbucket token for {@code acme/data}; the runner's environment points at all of it.
 */
abstract class EmulatorTest {
    static final String BB_WORKSPACE = "acme";
    static final String BB_REPOSITORY = "data";

    @TempDir
    Path home;

    DatabricksEmulator emulator;
    EmulatedPrincipal servicePrincipal;
    EmulatedPrincipal manager;
    String managerPat;
    String bitbucketToken;
    CliRunner cli;
    final List<String> secrets = new ArrayList<>();

    @BeforeEach
    void startEmulator() {
        emulator = DatabricksEmulator.start();
        servicePrincipal = emulator.addServicePrincipal("deploy-bot");
        manager = emulator.addUser("ci-manager@example.com", "CI Manager");
        emulator.grantManager(manager, servicePrincipal);
        managerPat = emulator.issuePat(manager);
        bitbucketToken = emulator.addBitbucketRepositoryToken(BB_WORKSPACE, BB_REPOSITORY, Set.of("repository"));
        secrets.add(managerPat);
        secrets.add(bitbucketToken);
        cli = new CliRunner(home)
                .env("DATABRICKS_HOST", emulator.url())
                .env("DATABRICKS_TOKEN", managerPat)
                .env("BITBUCKET_TOKEN", bitbucketToken)
                .env("BITBUCKET_API_URL", emulator.bitbucketApiUrl())
                .env("BITBUCKET_WORKSPACE", BB_WORKSPACE)
                .env("BITBUCKET_REPO_SLUG", BB_REPOSITORY);
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    String sp() {
        return servicePrincipal.applicationId();
    }

    /** Runs the tool and checks that no secret of the fixture shows in its output. */
    CliRunner.Result run(String... args) {
        CliRunner.Result result = cli.run(args);
        for (String secret : secrets) {
            assertThat(result.out()).as("stdout").doesNotContain(secret);
            assertThat(result.err()).as("stderr").doesNotContain(secret);
        }
        return result;
    }

    static JsonNode json(CliRunner.Result result) throws Exception {
        return new ObjectMapper().readTree(result.out());
    }
}

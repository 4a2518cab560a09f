package io.jenkins.plugins.databricksgit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.databricksgit.core.KnownCredential;
import io.jenkins.plugins.databricksgit.core.KnownPrincipal;
import io.jenkins.plugins.databricksgit.core.Lease;
import io.jenkins.plugins.databricksgit.core.Principal;
import io.jenkins.plugins.databricksgit.core.PushResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PendingRemovalFileTest {
    @TempDir
    Path dir;

    @Test
    void removalsAndKnownCredentialsRoundTrip() throws Exception {
        PendingRemovalFile file = new PendingRemovalFile(dir.resolve("pending.json"));
        PendingRemoval before = PendingRemoval.beforePush(
                "id-1",
                "app#1",
                "app 1",
                PendingRemoval.When.BLOCK_END,
                "prod",
                "https://adb-1.azuredatabricks.net",
                "ci-pat",
                "6f1d2a3b-0000-4000-8000-000000000001",
                new Principal(8573549053511L, "6f1d2a3b-0000-4000-8000-000000000001", "ci-bot", true),
                "jenkins-dgc:id-1",
                "ab".repeat(32),
                1234L);
        PendingRemoval pushed = before.pushed(new PushResult(
                93488329053511L,
                true,
                null,
                before.workspaceUrl(),
                new Lease(
                        before.workspaceUrl(),
                        8573549053511L,
                        "ci-bot",
                        "bitbucketCloud",
                        93488329053511L,
                        "holder-1",
                        "app 1",
                        "ab".repeat(32),
                        "jenkins-dgc:id-1",
                        null,
                        false)));
        KnownCredential known = new KnownCredential(
                before.workspaceUrl(),
                8573549053511L,
                null,
                "bitbucketcloud",
                93488329053511L,
                "ab".repeat(32),
                List.of("jenkins-dgc:id-0", "jenkins-dgc:id-1"),
                "id-1",
                "ab".repeat(32),
                93488329053511L,
                "app 0");

        file.write(List.of(before, pushed.withError("Databricks is down.", true, true)), List.of(known));
        PendingRemovalFile.Contents read = file.readAll();

        assertThat(read.removals().get(0)).usingRecursiveComparison().isEqualTo(before);
        assertThat(read.removals().get(1))
                .usingRecursiveComparison()
                .isEqualTo(pushed.withError("Databricks is down.", true, true));
        assertThat(read.removals().get(1).lease()).isEqualTo(pushed.lease());
        assertThat(read.credentials()).containsExactly(known);
    }

    @Test
    void principalsKnownByApplicationIdAndLearntLookUpsRoundTrip() throws Exception {
        PendingRemovalFile file = new PendingRemovalFile(dir.resolve("pending.json"));
        String app = "6f1d2a3b-0000-4000-8000-000000000002";
        // A service principal authenticating as itself with OAuth: known by its applicationId only.
        PendingRemoval before = PendingRemoval.beforePush(
                "id-2",
                "app#2",
                "app 2",
                PendingRemoval.When.BUILD_END,
                null,
                "https://adb-1.azuredatabricks.net",
                "ci-oauth",
                null,
                new Principal(0, app, null, true),
                "jenkins-dgc:id-2",
                "cd".repeat(32),
                5678L);
        KnownCredential known = new KnownCredential(
                before.workspaceUrl(),
                0,
                app,
                "bitbucketcloud",
                77L,
                "cd".repeat(32),
                List.of("jenkins-dgc:id-2"),
                "id-2",
                null,
                0,
                null);
        KnownPrincipal pair = new KnownPrincipal(before.workspaceUrl(), 42, app, "ci-bot", true, null);
        KnownPrincipal token = new KnownPrincipal(before.workspaceUrl(), 42, app, "ci-bot", true, "ef".repeat(32));

        file.write(new PendingRemovalFile.Contents(List.of(before), List.of(known), List.of(pair, token)));
        PendingRemovalFile.Contents read = file.readAll();

        assertThat(read.removals().get(0)).usingRecursiveComparison().isEqualTo(before);
        assertThat(read.removals().get(0).applicationId()).isEqualTo(app);
        assertThat(read.removals().get(0).principalLabel()).isEqualTo(app);
        assertThat(read.credentials()).containsExactly(known);
        assertThat(read.principals()).containsExactly(pair, token);
        assertThat(Files.readString(file.path())).contains("\"version\" : 3");
    }

    @Test
    void theSecondFormatWithoutPrincipalsIsStillRead() throws Exception {
        Path path = dir.resolve("pending.json");
        Files.writeString(
                path,
                """
                { "version" : 2, "removals" : [ ], "credentials" : [ {
                  "workspaceUrl" : "https://adb-1.azuredatabricks.net", "principalId" : 42,
                  "gitProvider" : "bitbucketcloud", "credentialId" : 7, "tokenFingerprint" : "ff", "names" : [ ],
                  "lastPushId" : null, "keptFingerprint" : null, "keptCredentialId" : 0, "keptBy" : null } ] }
                """);

        PendingRemovalFile.Contents read = new PendingRemovalFile(path).readAll();

        assertThat(read.principals()).isEmpty();
        assertThat(read.credentials())
                .containsExactly(new KnownCredential(
                        "https://adb-1.azuredatabricks.net",
                        42,
                        null,
                        "bitbucketcloud",
                        7,
                        "ff",
                        List.of(),
                        null,
                        null,
                        0,
                        null));
    }

    @Test
    void theFirstFormatAPlainArrayIsStillRead() throws Exception {
        Path path = dir.resolve("pending.json");
        Files.writeString(
                path,
                """
                [ {
                  "id" : "old-1", "buildId" : "app#4", "holder" : "app 4", "when" : "BUILD_END",
                  "workspace" : "prod", "workspaceUrl" : "https://adb-1.azuredatabricks.net",
                  "databricksCredentialsId" : null, "servicePrincipal" : null, "state" : "PUSHED",
                  "lease" : { "principalId" : 42, "principalName" : "ci-bot", "gitProvider" : "bitbucketCloud",
                    "credentialId" : 7, "holderId" : "h", "holder" : "app 4", "tokenFingerprint" : "ff" },
                  "lastError" : null, "attempts" : 0, "createdAt" : 99 } ]
                """);

        PendingRemovalFile.Contents read = new PendingRemovalFile(path).readAll();

        assertThat(read.credentials()).isEmpty();
        assertThat(read.removals()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("old-1");
            assertThat(r.databricksCredentialsId()).isNull();
            assertThat(r.credentialName()).as("not recorded then").isNull();
            assertThat(r.lease())
                    .isEqualTo(new Lease(
                            "https://adb-1.azuredatabricks.net",
                            42,
                            "ci-bot",
                            "bitbucketCloud",
                            7,
                            "h",
                            "app 4",
                            "ff",
                            null,
                            null,
                            false));
            assertThat(r.why()).isEqualTo(PendingRemoval.Why.NOT_SENT);
        });
    }

    @Test
    void aMissingFileHoldsNothing() throws Exception {
        PendingRemovalFile.Contents read = new PendingRemovalFile(dir.resolve("none.json")).readAll();

        assertThat(read.removals()).isEmpty();
        assertThat(read.credentials()).isEmpty();
    }
}

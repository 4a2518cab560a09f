package io.jenkins.plugins.databricksgit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitCredentialsTest {
    private static final String PATH = "/api/2.0/git-credentials";

    private DatabricksEmulator emulator;
    private Http http;
    private EmulatedPrincipal sp;
    private String spToken;
    private EmulatedPrincipal manager;
    private String managerToken;

    @BeforeEach
    void start() {
        emulator = DatabricksEmulator.start();
        http = new Http(emulator);
        sp = emulator.addServicePrincipal("ci-deployer");
        spToken = emulator.issuePat(sp);
        manager = emulator.addUser("alice@example.com", "Alice");
        managerToken = emulator.issuePat(manager);
        emulator.grantManager(manager, sp);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private static String bitbucket(String token) {
        return "{\"git_provider\":\"bitbucketCloud\",\"git_username\":\"x-token-auth\",\"personal_access_token\":\""
                + token + "\"}";
    }

    @Test
    void createReturns200WithTheCredentialButNotTheToken() throws IOException {
        Http.Answer created = http.post(
                PATH,
                spToken,
                "{\"git_provider\":\"BITBUCKETCLOUD\",\"git_username\":\"x-token-auth\",\"git_email\":\"ci@example.com\","
                        + "\"name\":\"deploy\",\"personal_access_token\":\"secret-1\"}");

        assertThat(created.status()).isEqualTo(200);
        JsonNode json = created.json();
        assertThat(json.get("credential_id").asLong()).isPositive();
        assertThat(json.get("git_provider").asText()).isEqualTo("bitbucketCloud");
        assertThat(json.get("git_username").asText()).isEqualTo("x-token-auth");
        assertThat(json.get("git_email").asText()).isEqualTo("ci@example.com");
        assertThat(json.get("name").asText()).isEqualTo("deploy");
        assertThat(json.get("is_default_for_provider").asBoolean()).isTrue();
        assertThat(created.body()).doesNotContain("secret-1").doesNotContain("personal_access_token");
        assertThat(emulator.gitCredentials(sp)).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(json.get("credential_id").asLong());
            assertThat(c.token()).isEqualTo("secret-1");
            assertThat(c.gitProvider()).isEqualTo("bitbucketCloud");
            assertThat(c.toString()).doesNotContain("secret-1");
        });
    }

    @Test
    void theNameIsSetOnCreateListedAndGotKeptByAPatchWithoutOneAndReplacedByAPatchWithOne() throws IOException {
        long id = http.post(
                        PATH,
                        spToken,
                        "{\"git_provider\":\"bitbucketCloud\",\"name\":\"jenkins-dgc:1\","
                                + "\"personal_access_token\":\"tok-a\"}")
                .json()
                .get("credential_id")
                .asLong();
        assertThat(http.get(PATH, spToken)
                        .json()
                        .get("credentials")
                        .get(0)
                        .get("name")
                        .asText())
                .isEqualTo("jenkins-dgc:1");

        http.patch(
                PATH + "/" + id, spToken, "{\"git_provider\":\"bitbucketCloud\",\"personal_access_token\":\"tok-b\"}");
        assertThat(http.get(PATH + "/" + id, spToken).json().get("name").asText())
                .isEqualTo("jenkins-dgc:1");

        http.patch(PATH + "/" + id, spToken, "{\"git_provider\":\"bitbucketCloud\",\"name\":\"jenkins-dgc:2\"}");
        assertThat(http.get(PATH + "/" + id, spToken).json().get("name").asText())
                .isEqualTo("jenkins-dgc:2");
        assertThat(emulator.gitCredentials(sp)).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("jenkins-dgc:2");
            assertThat(c.token()).isEqualTo("tok-b");
        });
    }

    @Test
    void listIsEmptyObjectWhenNothingStoredAndListsWithoutTokenOtherwise() throws IOException {
        Http.Answer empty = http.get(PATH, spToken);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).isEqualTo("{}");

        long id = http.post(PATH, spToken, bitbucket("tok-a"))
                .json()
                .get("credential_id")
                .asLong();
        Http.Answer list = http.get(PATH, spToken);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("credentials")).hasSize(1);
        assertThat(list.json().get("credentials").get(0).get("credential_id").asLong())
                .isEqualTo(id);
        assertThat(list.body()).doesNotContain("tok-a");
    }

    @Test
    void servicePrincipalGetsOneCredentialPerProvider() throws IOException {
        assertThat(http.post(PATH, spToken, bitbucket("one")).status()).isEqualTo(200);

        Http.Answer second =
                http.post(PATH, spToken, "{\"git_provider\":\"bitbucketcloud\",\"personal_access_token\":\"two\"}");

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("error_code").asText()).isEqualTo("RESOURCE_ALREADY_EXISTS");
        assertThat(second.json().get("message").asText())
                .isEqualTo("A Git credential already exists for provider bitbucketCloud. Only one credential per"
                        + " provider is allowed for service principals.");
        assertThat(emulator.gitCredentials(sp))
                .singleElement()
                .extracting(StoredGitCredential::token)
                .isEqualTo("one");

        Http.Answer otherProvider =
                http.post(PATH, spToken, "{\"git_provider\":\"gitHub\",\"personal_access_token\":\"gh\"}");
        assertThat(otherProvider.status()).isEqualTo(200);
        assertThat(emulator.gitCredentials(sp)).hasSize(2);
    }

    @Test
    void usersMayHoldSeveralCredentialsOfOneProvider() throws IOException {
        assertThat(http.post(PATH, managerToken, bitbucket("u1")).status()).isEqualTo(200);
        Http.Answer second = http.post(
                PATH,
                managerToken,
                "{\"git_provider\":\"bitbucketCloud\",\"personal_access_token\":\"u2\",\"is_default_for_provider\":true}");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("is_default_for_provider").asBoolean()).isTrue();
        JsonNode list = http.get(PATH, managerToken).json().get("credentials");
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("is_default_for_provider").asBoolean()).isFalse();
    }

    @Test
    void legacyModeAllowsOneCredentialInTotal() throws IOException {
        emulator.setLegacyOneCredentialPerUser(true);
        assertThat(http.post(PATH, managerToken, bitbucket("u1")).status()).isEqualTo(200);

        Http.Answer second =
                http.post(PATH, managerToken, "{\"git_provider\":\"gitHub\",\"personal_access_token\":\"x\"}");

        assertThat(second.status()).isEqualTo(400);
        assertThat(second.json().get("error_code").asText()).isEqualTo("INVALID_STATE");
        assertThat(second.json().get("message").asText())
                .isEqualTo("Only one Git credential is supported at this time. If you would like to update your"
                        + " credential, please use the PATCH endpoint.");
    }

    @Test
    void managerActsOnTheServicePrincipalWithPrincipalId() throws IOException {
        Http.Answer created = http.post(
                PATH,
                managerToken,
                "{\"git_provider\":\"bitbucketCloud\",\"personal_access_token\":\"m1\",\"principal_id\":" + sp.id()
                        + "}");
        assertThat(created.status()).isEqualTo(200);
        long id = created.json().get("credential_id").asLong();
        assertThat(emulator.gitCredentials(sp)).hasSize(1);
        assertThat(emulator.gitCredentials(manager)).isEmpty();

        assertThat(http.get(PATH + "?principal_id=" + sp.id(), managerToken)
                        .json()
                        .get("credentials"))
                .hasSize(1);
        assertThat(http.get(PATH + "/" + id + "?principal_id=" + sp.id(), managerToken)
                        .status())
                .isEqualTo(200);
        // Without principal_id the manager's own credentials are searched: the id is not found there.
        Http.Answer ownScope = http.get(PATH + "/" + id, managerToken);
        assertThat(ownScope.status()).isEqualTo(404);
        assertThat(ownScope.json().get("error_code").asText()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
        assertThat(ownScope.json().get("message").asText())
                .isEqualTo("Git credential with id " + id + " could not be found.");
        assertThat(http.delete(PATH + "/" + id, managerToken).status()).isEqualTo(404);
        // principal_id in the query of a PATCH is ignored, as the real API reads it from the body only.
        assertThat(http.patch(PATH + "/" + id + "?principal_id=" + sp.id(), managerToken, bitbucket("x"))
                        .status())
                .isEqualTo(404);

        Http.Answer deleted = http.delete(PATH + "/" + id + "?principal_id=" + sp.id(), managerToken);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("{}");
        assertThat(emulator.gitCredentials(sp)).isEmpty();
    }

    @Test
    void principalIdIsRefusedToNonManagers() throws IOException {
        EmulatedPrincipal bob = emulator.addUser("bob@example.com", "Bob");
        String bobToken = emulator.issuePat(bob);

        Http.Answer create = http.post(
                PATH,
                bobToken,
                "{\"git_provider\":\"bitbucketCloud\",\"personal_access_token\":\"b\",\"principal_id\":\"" + sp.id()
                        + "\"}");
        Http.Answer list = http.get(PATH + "?principal_id=" + sp.id(), bobToken);
        Http.Answer unknown = http.get(PATH + "?principal_id=1234567890123", managerToken);

        for (Http.Answer a : new Http.Answer[] {create, list, unknown}) {
            assertThat(a.status()).isEqualTo(403);
            assertThat(a.json().get("error_code").asText()).isEqualTo("PERMISSION_DENIED");
        }
        assertThat(emulator.gitCredentials(sp)).isEmpty();
    }

    @Test
    void idsAreScopedPerOwner() throws IOException {
        EmulatedPrincipal other = emulator.addServicePrincipal("other");
        String otherToken = emulator.issuePat(other);
        long id = http.post(PATH, spToken, bitbucket("mine"))
                .json()
                .get("credential_id")
                .asLong();

        assertThat(http.get(PATH + "/" + id, otherToken).status()).isEqualTo(404);
        assertThat(http.patch(PATH + "/" + id, otherToken, bitbucket("stolen")).status())
                .isEqualTo(404);
        assertThat(http.delete(PATH + "/" + id, otherToken).status()).isEqualTo(404);
        assertThat(emulator.gitCredentials(sp))
                .singleElement()
                .extracting(StoredGitCredential::token)
                .isEqualTo("mine");
    }

    @Test
    void patchUpdatesAndKeepsTokenWhenOmitted() throws IOException {
        long id = http.post(PATH, spToken, bitbucket("old"))
                .json()
                .get("credential_id")
                .asLong();

        Http.Answer patched = http.patch(
                PATH + "/" + id, spToken, "{\"git_provider\":\"bitbucketCloud\",\"git_email\":\"new@example.com\"}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body()).isEqualTo("{}");
        assertThat(emulator.gitCredentials(sp)).singleElement().satisfies(c -> {
            assertThat(c.token()).isEqualTo("old");
            assertThat(c.gitEmail()).isEqualTo("new@example.com");
            assertThat(c.gitUsername()).isEqualTo("x-token-auth");
        });

        assertThat(http.patch(PATH + "/" + id, spToken, bitbucket("new")).status())
                .isEqualTo(200);
        assertThat(emulator.gitCredentials(sp))
                .singleElement()
                .extracting(StoredGitCredential::token)
                .isEqualTo("new");

        JsonNode got = http.get(PATH + "/" + id, spToken).json();
        assertThat(got.get("credential_id").asLong()).isEqualTo(id);
        assertThat(got.get("git_email").asText()).isEqualTo("new@example.com");
        assertThat(got.toString()).doesNotContain("new\"");
    }

    @Test
    void patchCannotMoveAServicePrincipalCredentialOntoATakenProvider() throws IOException {
        http.post(PATH, spToken, bitbucket("bb"));
        long gh = http.post(PATH, spToken, "{\"git_provider\":\"gitHub\",\"personal_access_token\":\"gh\"}")
                .json()
                .get("credential_id")
                .asLong();

        Http.Answer moved = http.patch(PATH + "/" + gh, spToken, bitbucket("x"));

        assertThat(moved.status()).isEqualTo(409);
        assertThat(moved.json().get("error_code").asText()).isEqualTo("RESOURCE_ALREADY_EXISTS");
    }

    @Test
    void validatesProviderTokenAndBody() throws IOException {
        Http.Answer badProvider =
                http.post(PATH, spToken, "{\"git_provider\":\"bitbucket\",\"personal_access_token\":\"x\"}");
        assertThat(badProvider.status()).isEqualTo(400);
        assertThat(badProvider.json().get("error_code").asText()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(badProvider.json().get("message").asText()).startsWith("Invalid Git provider specified: bitbucket.");

        Http.Answer noToken = http.post(PATH, spToken, "{\"git_provider\":\"bitbucketCloud\"}");
        assertThat(noToken.status()).isEqualTo(400);
        assertThat(noToken.json().get("error_code").asText()).isEqualTo("INVALID_PARAMETER_VALUE");

        Http.Answer noProvider = http.post(PATH, spToken, "{\"personal_access_token\":\"x\"}");
        assertThat(noProvider.status()).isEqualTo(400);

        Http.Answer notJson = http.post(PATH, spToken, "[1,2]");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("error_code").asText()).isEqualTo("MALFORMED_REQUEST");

        Http.Answer badId = http.get(PATH + "/abc", spToken);
        assertThat(badId.status()).isEqualTo(400);

        assertThat(emulator.gitCredentials(sp)).isEmpty();
    }

    @Test
    void azureDevOpsAadCredentialsRefuseATokenAndNeedNone() throws IOException {
        Http.Answer withToken = http.post(
                PATH, managerToken, "{\"git_provider\":\"azureDevOpsServicesAad\",\"personal_access_token\":\"x\"}");
        assertThat(withToken.status()).isEqualTo(400);
        assertThat(withToken.json().get("message").asText())
                .isEqualTo("Please do not specify personal_access_token or git_username when git_provider is set to"
                        + " azureDevOpsServicesAad.");

        assertThat(http.post(PATH, managerToken, "{\"git_provider\":\"azuredevopsservicesaad\"}")
                        .json()
                        .get("git_provider")
                        .asText())
                .isEqualTo("azureDevOpsServicesAad");
    }

    @Test
    void aPrincipalMayNameItselfAsPrincipalId() throws IOException {
        Http.Answer created = http.post(
                PATH,
                spToken,
                "{\"git_provider\":\"bitbucketCloud\",\"personal_access_token\":\"own\",\"principal_id\":" + sp.id()
                        + "}");
        assertThat(created.status()).isEqualTo(200);
        assertThat(http.get(PATH + "?principal_id=" + sp.id(), spToken).json().get("credentials"))
                .hasSize(1);
    }

    @Test
    void errorsCarryRequestIdInHeaderAndDetails() throws IOException {
        Http.Answer missing = http.get(PATH + "/42", spToken);

        String requestId = missing.headers().get("x-request-id");
        assertThat(requestId).isNotBlank();
        JsonNode detail = missing.json().get("details").get(0);
        assertThat(detail.get("@type").asText()).isEqualTo("type.googleapis.com/google.rpc.RequestInfo");
        assertThat(detail.get("request_id").asText()).isEqualTo(requestId);
        assertThat(http.get(PATH, spToken).headers().get("x-request-id"))
                .isNotBlank()
                .isNotEqualTo(requestId);
    }

    @Test
    void unknownApiPathIsADatabricksNotFoundAndOtherPathsAnHtmlPage() throws IOException {
        Http.Answer api = http.get("/api/2.0/clusters/list", spToken);
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.json().get("error_code").asText()).isEqualTo("ENDPOINT_NOT_FOUND");

        Http.Answer page = http.get("/browse/folders/1", spToken);
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.headers().get("Content-Type")).startsWith("text/html");
        assertThat(emulator.requestCounts().values()).allMatch(c -> c == 0);
    }
}

package io.jenkins.plugins.databricksgit.bench;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.service.workspace.CreateCredentialsRequest;
import com.databricks.sdk.service.workspace.CredentialInfo;
import com.databricks.sdk.service.workspace.DeleteCredentialsRequest;
import com.databricks.sdk.service.workspace.GitCredentialsAPI;
import com.databricks.sdk.service.workspace.ListCredentialsRequest;
import com.databricks.sdk.service.workspace.UpdateCredentialsRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.databricksgit.core.BitbucketToken;
import io.jenkins.plugins.databricksgit.core.ClientSettings;
import io.jenkins.plugins.databricksgit.core.DatabricksAuth;
import io.jenkins.plugins.databricksgit.core.DatabricksClient;
import io.jenkins.plugins.databricksgit.core.GitCredentialEngine;
import io.jenkins.plugins.databricksgit.core.Lease;
import io.jenkins.plugins.databricksgit.core.PushRequest;
import io.jenkins.plugins.databricksgit.core.RemoveResult;
import io.jenkins.plugins.databricksgit.core.SecretValue;
import io.jenkins.plugins.databricksgit.core.Target;
import io.jenkins.plugins.databricksgit.core.WorkspaceUrl;
import io.jenkins.plugins.databricksgit.testkit.OAuthClient;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** The three ways to give a service principal its Bitbucket credential, behind one interface. */
final class Clients {
    static final String PROVIDER = "bitbucketCloud";
    static final String USERNAME = "x-token-auth";

    private Clients() {}

    /**
     * Own: the client authenticates as the service principal (with its PAT, or its OAuth secret). Manager: as its
     * manager, naming it by numeric id (or, for this project's engine only, by applicationId). Only the first two are
     * timed; the others are counted.
     */
    enum Mode {
        OWN("own", "own mode (the service principal's PAT)", true, Set.of(Kind.values())),
        MANAGER(
                "manager",
                "manager mode (a manager's PAT, service principal by numeric id)",
                true,
                Set.of(Kind.values())),
        OWN_OAUTH(
                "own_oauth",
                "own mode with OAuth M2M (the service principal's client id and secret)",
                false,
                Set.of(Kind.values())),
        MANAGER_BY_APPLICATION_ID(
                "manager_by_application_id",
                "manager mode, service principal by applicationId (this project's engine only: the others take the"
                        + " numeric id)",
                false,
                Set.of(Kind.ENGINE));

        final String key;
        final String label;
        final boolean timed;
        final Set<Kind> kinds;

        Mode(String key, String label, boolean timed, Set<Kind> kinds) {
            this.key = key;
            this.label = label;
            this.timed = timed;
            this.kinds = kinds;
        }
    }

    /**
     * Who authenticates how, and for whom.
     *
     * @param principalId the numeric id the curl flow and the SDK send as {@code principal_id} (manager mode)
     * @param servicePrincipal how this project's engine is told the service principal (manager mode)
     */
    record Login(String url, String pat, OAuthClient oauth, Long principalId, String servicePrincipal) {
        static Login of(BenchWorkspace w, int principal, Mode mode) {
            long id = w.principals.get(principal).id();
            return switch (mode) {
                case OWN -> new Login(w.url(), w.pats.get(principal), null, null, null);
                case MANAGER -> new Login(w.url(), w.managerPat, null, id, Long.toString(id));
                case OWN_OAUTH -> oauth(w, principal);
                case MANAGER_BY_APPLICATION_ID ->
                    new Login(
                            w.url(),
                            w.managerPat,
                            null,
                            id,
                            w.principals.get(principal).applicationId());
            };
        }

        static Login oauth(BenchWorkspace w, int principal) {
            return new Login(w.url(), null, w.oauth.get(principal), null, null);
        }
    }

    /** One client instance: what a process (a CI step, a script run, a Jenkins controller) holds. */
    interface CredentialClient {
        /** Pushes {@code token}; returns the credential id. */
        long push(String token) throws Exception;

        /** Removes the credential the last push returned; {@code false} when it was already gone. */
        boolean remove(long credentialId) throws Exception;

        /** A push whose credential is removed after use (a lease where the client has them). */
        default long pushForRemoval(String token) throws Exception {
            return push(token);
        }
    }

    enum Kind {
        ENGINE("engine", "this project's engine"),
        NAIVE("naive", "naive curl flow (OkHttp)"),
        SDK("sdk", "Databricks SDK for Java " + sdkVersion());

        final String key;
        final String label;

        Kind(String key, String label) {
            this.key = key;
            this.label = label;
        }

        CredentialClient open(Login login) {
            return switch (this) {
                case ENGINE -> new EngineClient(login, new GitCredentialEngine());
                case NAIVE -> new NaiveClient(login);
                case SDK -> new SdkClient(login);
            };
        }
    }

    static String sdkVersion() {
        String v = WorkspaceClient.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.141.0";
    }

    /** The engine as Jenkins and the CLI use it: one engine, the shared HTTP client. */
    static final class EngineClient implements CredentialClient {
        private final GitCredentialEngine engine;
        private final Target target;
        private final ThreadLocal<Lease> leases = new ThreadLocal<>();

        EngineClient(Login login, GitCredentialEngine engine) {
            this.engine = engine;
            DatabricksAuth auth = login.oauth() != null
                    ? DatabricksAuth.oauthClientCredentials(
                            login.oauth().clientId(),
                            SecretValue.of(login.oauth().clientSecret()))
                    : DatabricksAuth.bearerToken(SecretValue.of(login.pat()));
            DatabricksClient client =
                    new DatabricksClient(WorkspaceUrl.parse(login.url()), auth, ClientSettings.defaults());
            this.target = new Target(client, login.servicePrincipal());
        }

        GitCredentialEngine engine() {
            return engine;
        }

        @Override
        public long push(String token) throws Exception {
            return engine.push(request(token, false)).credentialId();
        }

        @Override
        public long pushForRemoval(String token) throws Exception {
            var result = engine.push(request(token, true));
            leases.set(result.lease());
            return result.credentialId();
        }

        @Override
        public boolean remove(long credentialId) throws Exception {
            Lease lease = leases.get();
            if (lease != null) {
                leases.remove();
                return engine.release(lease, target.client()).outcome() != RemoveResult.Outcome.ALREADY_GONE;
            }
            return engine.remove(target, credentialId).outcome() == RemoveResult.Outcome.REMOVED;
        }

        private PushRequest request(String token, boolean removeLater) {
            return new PushRequest(
                    target,
                    BitbucketToken.of(token, null, null),
                    null,
                    null,
                    removeLater,
                    null,
                    Duration.ofMinutes(2),
                    "benchmark",
                    null);
        }
    }

    /**
     * What people write with curl today: create; on "already exists", list, delete the old one and create again. One
     * instance is one script run: with OAuth it fetches a token first.
     */
    static final class NaiveClient implements CredentialClient {
        private static final OkHttpClient HTTP = new OkHttpClient();
        private static final ObjectMapper JSON = new ObjectMapper();
        private static final MediaType APPLICATION_JSON = MediaType.get("application/json");
        private static final Set<String> ALREADY_EXISTS = Set.of("RESOURCE_ALREADY_EXISTS", "INVALID_STATE");

        private final HttpUrl base;
        private final String bearer;
        private final Long principalId;

        NaiveClient(Login login) {
            this.base = HttpUrl.get(login.url());
            this.principalId = login.principalId();
            this.bearer = login.oauth() != null ? fetchToken(login.oauth()) : login.pat();
        }

        private String fetchToken(OAuthClient oauth) {
            Request request = new Request.Builder()
                    .url(base.resolve("/oidc/v1/token"))
                    .header("Authorization", Credentials.basic(oauth.clientId(), oauth.clientSecret()))
                    .post(new FormBody.Builder()
                            .add("grant_type", "client_credentials")
                            .add("scope", "all-apis")
                            .build())
                    .build();
            try (Response response = HTTP.newCall(request).execute()) {
                return JSON.readTree(response.body().string())
                        .get("access_token")
                        .asText();
            } catch (IOException e) {
                throw new IllegalStateException("token request failed", e);
            }
        }

        @Override
        public long push(String token) throws IOException {
            Answer created = create(token);
            if (created.code() == 200) {
                return created.json().get("credential_id").asLong();
            }
            if (!alreadyExists(created)) {
                throw new IOException("create failed: HTTP " + created.code());
            }
            Answer list = call("GET", withPrincipal(base.resolve("/api/2.0/git-credentials")), null);
            for (JsonNode c : list.json().path("credentials")) {
                if (PROVIDER.equalsIgnoreCase(c.path("git_provider").asText())) {
                    Answer deleted =
                            call("DELETE", credential(c.get("credential_id").asLong()), null);
                    if (deleted.code() != 200) {
                        throw new IOException("delete failed: HTTP " + deleted.code());
                    }
                }
            }
            Answer again = create(token);
            if (again.code() != 200) {
                throw new IOException("second create failed: HTTP " + again.code());
            }
            return again.json().get("credential_id").asLong();
        }

        @Override
        public boolean remove(long credentialId) throws IOException {
            Answer deleted = call("DELETE", credential(credentialId), null);
            if (deleted.code() == 404) {
                return false;
            }
            if (deleted.code() != 200) {
                throw new IOException("delete failed: HTTP " + deleted.code());
            }
            return true;
        }

        /** One PATCH of an existing credential: the cheapest write there is, the baseline for overhead. */
        void rawUpdate(long credentialId, String token) throws IOException {
            ObjectNode body = JSON.createObjectNode();
            body.put("git_provider", PROVIDER);
            body.put("personal_access_token", token);
            Answer updated = call("PATCH", base.resolve("/api/2.0/git-credentials/" + credentialId), body);
            if (updated.code() != 200) {
                throw new IOException("update failed: HTTP " + updated.code());
            }
        }

        private Answer create(String token) throws IOException {
            ObjectNode body = JSON.createObjectNode();
            body.put("git_provider", PROVIDER);
            body.put("git_username", USERNAME);
            body.put("personal_access_token", token);
            if (principalId != null) {
                body.put("principal_id", principalId.longValue());
            }
            return call("POST", base.resolve("/api/2.0/git-credentials"), body);
        }

        private HttpUrl credential(long id) {
            return withPrincipal(base.resolve("/api/2.0/git-credentials/" + id));
        }

        private HttpUrl withPrincipal(HttpUrl url) {
            return principalId == null
                    ? url
                    : url.newBuilder()
                            .addQueryParameter("principal_id", principalId.toString())
                            .build();
        }

        private static boolean alreadyExists(Answer answer) throws IOException {
            if (answer.code() == 409) {
                return true;
            }
            return answer.code() == 400
                    && ALREADY_EXISTS.contains(answer.json().path("error_code").asText());
        }

        private Answer call(String method, HttpUrl url, ObjectNode body) throws IOException {
            RequestBody requestBody =
                    body == null ? null : RequestBody.create(JSON.writeValueAsBytes(body), APPLICATION_JSON);
            Request request = new Request.Builder()
                    .url(url)
                    .header("Authorization", "Bearer " + bearer)
                    .method(method, requestBody)
                    .build();
            try (Response response = HTTP.newCall(request).execute()) {
                return new Answer(response.code(), response.body().string());
            }
        }

        record Answer(int code, String body) {
            JsonNode json() throws IOException {
                return JSON.readTree(body);
            }
        }
    }

    /**
     * The official SDK used the way its API invites: create; on {@code RESOURCE_ALREADY_EXISTS}, list and update the
     * existing credential. One instance is one {@link WorkspaceClient}, built as a program builds it (it reads the
     * host metadata on construction).
     */
    static final class SdkClient implements CredentialClient {
        private final GitCredentialsAPI api;
        private final Long principalId;

        SdkClient(Login login) {
            DatabricksConfig config = new DatabricksConfig().setHost(login.url());
            if (login.oauth() != null) {
                config.setAuthType("oauth-m2m")
                        .setClientId(login.oauth().clientId())
                        .setClientSecret(login.oauth().clientSecret());
            } else {
                config.setAuthType("pat").setToken(login.pat());
            }
            this.api = new WorkspaceClient(config).gitCredentials();
            this.principalId = login.principalId();
        }

        @Override
        public long push(String token) {
            try {
                return api.create(new CreateCredentialsRequest()
                                .setGitProvider(PROVIDER)
                                .setGitUsername(USERNAME)
                                .setPersonalAccessToken(token)
                                .setPrincipalId(principalId))
                        .getCredentialId();
            } catch (DatabricksError e) {
                if (e.getStatusCode() != 409 && !"RESOURCE_ALREADY_EXISTS".equals(e.getErrorCode())) {
                    throw e;
                }
            }
            for (CredentialInfo c : api.list(new ListCredentialsRequest().setPrincipalId(principalId))) {
                if (PROVIDER.equalsIgnoreCase(c.getGitProvider())) {
                    api.update(new UpdateCredentialsRequest()
                            .setCredentialId(c.getCredentialId())
                            .setGitProvider(PROVIDER)
                            .setGitUsername(USERNAME)
                            .setPersonalAccessToken(token)
                            .setPrincipalId(principalId));
                    return c.getCredentialId();
                }
            }
            throw new IllegalStateException("Databricks said a credential exists, but none is listed");
        }

        @Override
        public boolean remove(long credentialId) {
            try {
                api.delete(new DeleteCredentialsRequest()
                        .setCredentialId(credentialId)
                        .setPrincipalId(principalId));
                return true;
            } catch (DatabricksError e) {
                if (e.getStatusCode() == 404) {
                    return false;
                }
                throw e;
            }
        }
    }
}

package io.jenkins.plugins.databricksgit.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.databricksgit.core.ClientSettings;
import io.jenkins.plugins.databricksgit.core.DatabricksAuth;
import io.jenkins.plugins.databricksgit.core.DatabricksException;
import io.jenkins.plugins.databricksgit.core.DatabricksException.Reason;
import io.jenkins.plugins.databricksgit.core.GitCredential;
import io.jenkins.plugins.databricksgit.core.GitCredentialEngine;
import io.jenkins.plugins.databricksgit.core.GitCredentialSpec;
import io.jenkins.plugins.databricksgit.core.Principal;
import io.jenkins.plugins.databricksgit.core.SecretValue;
import io.jenkins.plugins.databricksgit.core.WorkspaceUrl;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * The Databricks workspace REST calls: git-credentials (<a
 * href="https://docs.databricks.com/api/workspace/gitcredentials">reference</a>) and SCIM service principals and
 * {@code /Me} (<a href="https://docs.databricks.com/api/workspace/serviceprincipals">reference</a>).
 */
public final class DatabricksRestClient {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final Pattern UUID =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern DIGITS = Pattern.compile("^[0-9]{1,19}$");
    private static final String GIT_CREDENTIALS = "api/2.0/git-credentials";
    private static final String SCIM = "api/2.0/preview/scim/v2";

    private final WorkspaceUrl workspace;
    private final InternalAuth auth;
    private final ClientSettings settings;
    private final ApiCaller caller;
    private final InternalAuth.AccessTokens tokens;

    public DatabricksRestClient(WorkspaceUrl workspace, DatabricksAuth auth, ClientSettings settings) {
        this.workspace = workspace;
        this.auth = InternalAuth.of(auth);
        this.settings = settings;
        this.tokens = this.auth.tokens(workspace, settings);
        OkHttpClient http = HttpClients.derive(settings)
                .addInterceptor(new AuthInterceptor(tokens))
                .build();
        this.caller = new ApiCaller(http, settings);
    }

    public WorkspaceUrl workspace() {
        return workspace;
    }

    public String authDescription() {
        return auth.describe();
    }

    public InternalAuth auth() {
        return auth;
    }

    public Principal me() throws DatabricksException {
        Context c = context("read the caller's identity (SCIM /Me)", null, null);
        JsonNode json = call("GET", url(SCIM + "/Me").build(), null, c);
        long id = parseId(json.get("id"), c);
        String userName = text(json, "userName");
        String displayName = text(json, "displayName");
        boolean sp = userName != null && UUID.matcher(userName).matches();
        return new Principal(id, sp ? userName : null, displayName != null ? displayName : userName, sp);
    }

    public Principal resolveServicePrincipal(String applicationIdOrId) throws DatabricksException {
        String given = applicationIdOrId == null ? "" : applicationIdOrId.strip();
        if (UUID.matcher(given).matches()) {
            Context c = context("look up the service principal with application id " + given, null, null);
            HttpUrl url = url(SCIM + "/ServicePrincipals")
                    .addQueryParameter("filter", "applicationId eq \"" + given + "\"")
                    .build();
            JsonNode json = call("GET", url, null, c);
            JsonNode resources = json.get("Resources");
            if (resources == null || !resources.isArray() || resources.isEmpty()) {
                throw new DatabricksException(
                        Reason.NOT_FOUND,
                        200,
                        null,
                        null,
                        false,
                        "Databricks at " + workspace.url() + " has no service principal with application id " + given
                                + ". Check the id, and that the service principal has been added to this workspace"
                                + " (workspace settings > Identity and access > Service principals).",
                        null);
            }
            return servicePrincipal(resources.get(0), c);
        }
        if (DIGITS.matcher(given).matches()) {
            Context c = context("look up the service principal with id " + given, null, null);
            try {
                return servicePrincipal(
                        call("GET", url(SCIM + "/ServicePrincipals/" + given).build(), null, c), c);
            } catch (DatabricksException e) {
                if (e.reason() == Reason.NOT_FOUND) {
                    throw new DatabricksException(
                            Reason.NOT_FOUND,
                            e.status(),
                            e.errorCode(),
                            e.requestId(),
                            false,
                            "Databricks at " + workspace.url() + " has no service principal with id " + given
                                    + ". Check the id (the numeric id on the service principal's page in the"
                                    + " workspace settings, or use its application id), and that the service principal"
                                    + " has been added to this workspace.",
                            e);
                }
                throw e;
            }
        }
        // Never echo the value: a token pasted into the wrong field must not end up in a message.
        throw new IllegalArgumentException("A service principal must be given by its application id (a UUID such as"
                + " 6f1d2c3b-0000-4a5b-8c9d-0123456789ab) or its numeric id (digits only); the "
                + given.length() + "-character value given is neither.");
    }

    public List<GitCredential> listGitCredentials(Long principalId) throws DatabricksException {
        Context c = context("list the Git credentials", principalId, null);
        JsonNode json = call("GET", withPrincipal(url(GIT_CREDENTIALS), principalId), null, c);
        JsonNode list = json.get("credentials");
        List<GitCredential> out = new ArrayList<>();
        if (list != null && list.isArray()) {
            for (JsonNode n : list) {
                out.add(credential(n, c));
            }
        }
        return List.copyOf(out);
    }

    public GitCredential getGitCredential(long credentialId, Long principalId) throws DatabricksException {
        Context c = context("read Git credential " + credentialId, principalId, null);
        return credential(
                call("GET", withPrincipal(url(GIT_CREDENTIALS + "/" + credentialId), principalId), null, c), c);
    }

    public GitCredential createGitCredential(GitCredentialSpec spec, Long principalId) throws DatabricksException {
        Context c = context("create the Git credential", principalId, spec.token());
        JsonNode json = call("POST", url(GIT_CREDENTIALS).build(), body(spec, principalId), c);
        if (!json.has("credential_id")) {
            throw new DatabricksException(
                    Reason.SERVER_ERROR,
                    200,
                    null,
                    null,
                    true,
                    "Databricks at " + workspace.url() + " accepted the new Git credential but did not return its"
                            + " id; list the credentials to find it.",
                    null);
        }
        return credential(json, c);
    }

    public void updateGitCredential(long credentialId, GitCredentialSpec spec, Long principalId)
            throws DatabricksException {
        Context c = context("update Git credential " + credentialId, principalId, spec.token());
        call("PATCH", url(GIT_CREDENTIALS + "/" + credentialId).build(), body(spec, principalId), c);
    }

    public void deleteGitCredential(long credentialId, Long principalId) throws DatabricksException {
        Context c = context("delete Git credential " + credentialId, principalId, null);
        call("DELETE", withPrincipal(url(GIT_CREDENTIALS + "/" + credentialId), principalId), null, c);
    }

    private record Context(DatabricksErrors.Context errors) {}

    private Context context(String action, Long principalId, SecretValue bodySecret) {
        if (principalId != null && principalId <= 0) {
            throw new IllegalArgumentException("principal_id must be a positive number, was " + principalId);
        }
        // The OAuth access token is fetched during the call: the redactor asks for it when it scrubs.
        Redactor redactor = auth.redactor().plusLive(tokens::recent);
        if (bodySecret != null) {
            // The Git token; Git sends it with the x-token-auth user name.
            redactor = redactor.plusBasic(GitCredentialEngine.GIT_USERNAME, bodySecret);
        }
        return new Context(
                new DatabricksErrors.Context(workspace, action, principalId, auth.describe(), redactor, settings));
    }

    private HttpUrl.Builder url(String path) {
        return workspace.httpUrl().newBuilder().addPathSegments(path);
    }

    private static HttpUrl withPrincipal(HttpUrl.Builder b, Long principalId) {
        if (principalId != null) {
            b.addQueryParameter("principal_id", Long.toString(principalId));
        }
        return b.build();
    }

    private static byte[] body(GitCredentialSpec spec, Long principalId) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("git_provider", spec.gitProvider());
        if (spec.gitUsername() != null) {
            o.put("git_username", spec.gitUsername());
        }
        if (spec.gitEmail() != null) {
            o.put("git_email", spec.gitEmail());
        }
        if (spec.name() != null) {
            o.put("name", spec.name());
        }
        if (principalId != null) {
            o.put("principal_id", principalId.longValue());
        }
        // The API takes the token in the body; the body is one-shot so that logging interceptors leave it out.
        o.put("personal_access_token", spec.token().reveal());
        try {
            return Json.MAPPER.writeValueAsBytes(o);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a JSON object", e);
        }
    }

    private JsonNode call(String method, HttpUrl url, byte[] body, Context c) throws DatabricksException {
        Request.Builder rb = new Request.Builder().url(url).header("Accept", "application/json");
        if (body != null) {
            rb.method(method, new OneShotBody(body));
        } else {
            rb.method(method, null);
        }
        ApiCaller.Answer a;
        try {
            a = caller.execute(rb.build());
        } catch (ApiCaller.TransportFailure f) {
            throw DatabricksErrors.fromTransport(f, c.errors());
        }
        if (!a.successful()) {
            throw DatabricksErrors.fromAnswer(a, c.errors());
        }
        boolean changes = !method.equals("GET");
        String text = a.body();
        if (text.isBlank()) {
            if (method.equals("GET") || method.equals("POST")) {
                throw DatabricksErrors.unreadableSuccess(a, c.errors(), changes);
            }
            return Json.MAPPER.createObjectNode();
        }
        try {
            JsonNode json = Json.MAPPER.readTree(text);
            if (json == null || !json.isObject()) {
                throw DatabricksErrors.unreadableSuccess(a, c.errors(), changes);
            }
            return json;
        } catch (IOException e) {
            throw DatabricksErrors.unreadableSuccess(a, c.errors(), changes);
        }
    }

    private Principal servicePrincipal(JsonNode n, Context c) throws DatabricksException {
        String displayName = text(n, "displayName");
        String applicationId = text(n, "applicationId");
        return new Principal(
                parseId(n.get("id"), c), applicationId, displayName != null ? displayName : applicationId, true);
    }

    private GitCredential credential(JsonNode n, Context c) throws DatabricksException {
        return new GitCredential(
                parseId(n.get("credential_id"), c),
                text(n, "git_provider"),
                text(n, "git_username"),
                text(n, "git_email"),
                text(n, "name"));
    }

    private long parseId(JsonNode n, Context c) throws DatabricksException {
        if (n != null
                && (n.isIntegralNumber()
                        || (n.isTextual() && DIGITS.matcher(n.asText()).matches()))) {
            return n.asLong();
        }
        throw new DatabricksException(
                Reason.SERVER_ERROR,
                200,
                null,
                null,
                false,
                "Databricks at " + workspace.url() + " answered without the expected numeric id while trying to "
                        + c.errors().action() + ".",
                null);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }

    /**
     * Marked one-shot so that OkHttp does not silently re-send it after a connection failure and logging interceptors
     * do not print it (it carries the Git token).
     */
    private static final class OneShotBody extends RequestBody {
        private final byte[] bytes;

        OneShotBody(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public MediaType contentType() {
            return JSON;
        }

        @Override
        public long contentLength() {
            return bytes.length;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.write(bytes);
        }

        @Override
        public boolean isOneShot() {
            return true;
        }
    }

    /**
     * Adds the bearer token. With OAuth, an "Invalid access token." answer means the cached token died early (revoked
     * or the server's clock differs): the token is refreshed once and the call repeated once, which is safe because
     * the server rejected the first request without applying it.
     */
    private static final class AuthInterceptor implements okhttp3.Interceptor {
        private final InternalAuth.AccessTokens tokens;

        AuthInterceptor(InternalAuth.AccessTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            SecretValue token = tokens.current();
            Response response = chain.proceed(withToken(chain.request(), token));
            if (!tokens.refreshable() || response.code() != 403) {
                return response;
            }
            String phrase = response.header("X-Databricks-Reason-Phrase");
            if (!DatabricksErrors.isInvalidTokenText(phrase)
                    && !DatabricksErrors.isInvalidTokenText(
                            response.peekBody(64 * 1024).string())) {
                return response;
            }
            response.close();
            tokens.invalidate(token);
            return chain.proceed(withToken(chain.request(), tokens.current()));
        }

        private static Request withToken(Request request, SecretValue token) {
            return request.newBuilder()
                    .header("Authorization", "Bearer " + token.reveal())
                    .build();
        }
    }
}

package io.jenkins.plugins.databricksgit.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.databricksgit.core.ClientSettings;
import io.jenkins.plugins.databricksgit.core.DatabricksException;
import io.jenkins.plugins.databricksgit.core.DatabricksException.Reason;
import io.jenkins.plugins.databricksgit.core.SecretValue;
import io.jenkins.plugins.databricksgit.core.WorkspaceUrl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * OAuth M2M client credentials: {@code POST {workspace}/oidc/v1/token} with HTTP Basic and
 * {@code grant_type=client_credentials&scope=all-apis}. The well-known discovery document is skipped: every workspace
 * serves its token endpoint at that path.
 */
public final class OAuthClientCredentialsAuth extends InternalAuth {
    /** Refresh at least this long before expiry (Azure Databricks rejects tokens that expire within 30 s). */
    static final Duration REFRESH_MARGIN = Duration.ofSeconds(40);

    private static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    private final String clientId;
    private final SecretValue clientSecret;
    private final Map<String, TokenSource> sources = new ConcurrentHashMap<>();

    public OAuthClientCredentialsAuth(String clientId, SecretValue clientSecret) {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException(
                    "The OAuth client id (the service principal's application id) is empty.");
        }
        this.clientId = clientId.strip();
        this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
    }

    @Override
    public AccessTokens tokens(WorkspaceUrl workspace, ClientSettings settings) {
        return sources.computeIfAbsent(workspace.url(), k -> new TokenSource(workspace, settings));
    }

    @Override
    public List<SecretValue> secrets() {
        return List.of(clientSecret);
    }

    /** The client secret, also as the base64 of {@code clientId:secret} that the token request's Basic header carries. */
    @Override
    public Redactor redactor() {
        return new Redactor(List.of()).plusBasic(clientId, clientSecret);
    }

    @Override
    public String applicationId() {
        return clientId;
    }

    @Override
    public String describe() {
        return "OAuth client " + (clientId.length() > 8 ? clientId.substring(0, 8) + "…" : clientId);
    }

    @Override
    public String toString() {
        return describe();
    }

    /** When a token obtained now with the given lifetime should be replaced. */
    static Instant refreshAt(Instant obtained, Duration lifetime) {
        if (lifetime.compareTo(REFRESH_MARGIN.multipliedBy(2)) < 0) {
            // Short lifetimes (tests, unusual servers): a fixed margin would leave no usable time.
            return obtained.plus(lifetime.dividedBy(2));
        }
        return obtained.plus(lifetime).minus(REFRESH_MARGIN);
    }

    private record Token(SecretValue value, Instant refreshAt) {}

    /** One cached token per workspace; a single fetch serves all threads waiting for it. */
    private final class TokenSource implements AccessTokens {
        private static final Logger LOGGER = Logger.getLogger(OAuthClientCredentialsAuth.class.getName());
        private final WorkspaceUrl workspace;
        private final ClientSettings settings;
        private final ApiCaller caller;
        private final Object lock = new Object();
        private volatile Token token;
        /** The access token handed out before the current one, kept for {@link #recent()}. */
        private volatile SecretValue previous;

        TokenSource(WorkspaceUrl workspace, ClientSettings settings) {
            this.workspace = workspace;
            this.settings = settings;
            // Interceptors of the base client are dropped: the answer carries a bearer token, and a body-logging
            // interceptor would write it to a log.
            OkHttpClient.Builder b = settings.baseClient().newBuilder();
            b.interceptors().clear();
            b.networkInterceptors().clear();
            OkHttpClient http = HttpClients.derive(
                            settings.toBuilder().baseClient(b.build()).build())
                    .build();
            this.caller = new ApiCaller(http, settings);
        }

        @Override
        public SecretValue current() throws DatabricksException {
            Token t = token;
            if (t != null && settings.sleeper().now().isBefore(t.refreshAt())) {
                return t.value();
            }
            synchronized (lock) {
                t = token;
                if (t != null && settings.sleeper().now().isBefore(t.refreshAt())) {
                    return t.value();
                }
                Token old = token;
                t = fetch();
                if (old != null) {
                    previous = old.value();
                }
                token = t;
                return t.value();
            }
        }

        @Override
        public boolean refreshable() {
            return true;
        }

        @Override
        public void invalidate(SecretValue rejected) {
            synchronized (lock) {
                Token t = token;
                if (t != null && t.value().equals(rejected)) {
                    previous = t.value();
                    token = null;
                }
            }
        }

        @Override
        public List<SecretValue> recent() {
            List<SecretValue> out = new java.util.ArrayList<>(2);
            Token t = token;
            if (t != null) {
                out.add(t.value());
            }
            SecretValue p = previous;
            if (p != null) {
                out.add(p);
            }
            return out;
        }

        private Token fetch() throws DatabricksException {
            Request request = new Request.Builder()
                    .url(workspace
                            .httpUrl()
                            .newBuilder()
                            .encodedPath("/oidc/v1/token")
                            .build())
                    .header("Authorization", Credentials.basic(clientId, clientSecret.reveal(), StandardCharsets.UTF_8))
                    .header("Accept", "application/json")
                    .post(new FormBody.Builder()
                            .add("grant_type", "client_credentials")
                            .add("scope", "all-apis")
                            .build())
                    .build();
            DatabricksErrors.Context ctx = new DatabricksErrors.Context(
                    workspace, "issue an OAuth token", null, describe(), redactor(), settings);
            ApiCaller.Answer a;
            try {
                a = caller.execute(request);
            } catch (ApiCaller.TransportFailure f) {
                throw DatabricksErrors.fromTransport(f, ctx);
            }
            Instant obtained = settings.sleeper().now();
            if (!a.successful()) {
                throw oauthFailure(a, ctx);
            }
            JsonNode json;
            try {
                json = Json.MAPPER.readTree(a.body());
            } catch (IOException e) {
                throw DatabricksErrors.unreadableSuccess(a, ctx, false);
            }
            JsonNode accessToken = json == null ? null : json.get("access_token");
            if (accessToken == null
                    || !accessToken.isTextual()
                    || accessToken.asText().isEmpty()) {
                throw DatabricksErrors.unreadableSuccess(a, ctx, false);
            }
            JsonNode expiresIn = json.get("expires_in");
            Duration lifetime = expiresIn != null && expiresIn.canConvertToLong() && expiresIn.asLong() > 0
                    ? Duration.ofSeconds(expiresIn.asLong())
                    : DEFAULT_LIFETIME;
            LOGGER.fine(() -> "Obtained an OAuth token for " + describe() + " at " + workspace.url() + ", valid for "
                    + lifetime.toSeconds() + " s");
            return new Token(SecretValue.of(accessToken.asText()), refreshAt(obtained, lifetime));
        }

        private DatabricksException oauthFailure(ApiCaller.Answer a, DatabricksErrors.Context ctx) {
            DatabricksErrors.ErrorBody err = DatabricksErrors.parseErrorBody(a.body());
            int code = a.code();
            if ((code == 400 || code == 401 || code == 403) && err.present()) {
                String server = ctx.redactor().scrub(err.message());
                return new DatabricksException(
                        Reason.OAUTH_FAILED,
                        code,
                        err.errorCode(),
                        err.requestId(),
                        false,
                        "Databricks at " + workspace.url() + " refused to issue an OAuth token to " + describe()
                                + " (HTTP " + code
                                + (server == null ? "" : ": \"" + DatabricksErrors.truncate(server) + "\"")
                                + "). Check the client id (the service principal's application id) and the client"
                                + " secret; a deleted or expired secret must be replaced by a new one (account"
                                + " console > User management > Service principals > Secrets).",
                        null);
            }
            return DatabricksErrors.fromAnswer(a, ctx);
        }
    }
}

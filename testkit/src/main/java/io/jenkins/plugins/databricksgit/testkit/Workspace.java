package io.jenkins.plugins.databricksgit.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okio.ByteString;

/**
 * The emulated Databricks workspace (identities, tokens, Git credentials) with the handlers that read and change
 * them. Every handler runs under this object's monitor, so concurrent requests see a consistent state
 * and a create either finds an existing credential or stores its own, never both.
 */
final class Workspace {
    /** Canonical spellings; input is matched case-insensitively. */
    static final List<String> GIT_PROVIDERS = List.of(
            "gitHub",
            "bitbucketCloud",
            "gitLab",
            "azureDevOpsServices",
            "gitHubEnterprise",
            "bitbucketServer",
            "gitLabEnterpriseEdition",
            "awsCodeCommit",
            "azureDevOpsServicesAad");

    private static final String AAD_PROVIDER = "azureDevOpsServicesAad";
    private static final String REQUEST_INFO = "type.googleapis.com/google.rpc.RequestInfo";
    private static final String SCIM_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String SCIM_WORKSPACE_USER = "urn:ietf:params:scim:schemas:extension:workspace:2.0:User";
    private static final String SCIM_SERVICE_PRINCIPAL = "urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal";
    private static final String SCIM_LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    private static final String SCIM_ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
    private static final Pattern SCIM_FILTER = Pattern.compile(
            "^\\s*(applicationId|id|displayName)\\s+eq\\s+([\"'])(.*)\\2\\s*$", Pattern.CASE_INSENSITIVE);

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final long workspaceId;
    private final String accountId = UUID.randomUUID().toString();
    private String baseUrl = "";

    private final Map<Long, EmulatedPrincipal> principals = new LinkedHashMap<>();
    private final Map<String, EmulatedPrincipal> pats = new HashMap<>();
    private final Map<String, Set<String>> oauthSecrets = new HashMap<>();
    private final Map<String, IssuedToken> oauthTokens = new HashMap<>();
    private final Map<Long, Set<Long>> managersBySp = new HashMap<>();
    private final Map<Long, Map<Long, Credential>> credentialsByOwner = new HashMap<>();
    private final Set<Long> credentialIds = new HashSet<>();
    private boolean legacyOneCredentialPerUser;
    private Duration oauthTokenLifetime = Duration.ofHours(1);

    private record IssuedToken(EmulatedPrincipal principal, Instant expiresAt) {}

    private static final class Credential {
        final long id;
        String provider;
        String username;
        String email;
        String name;
        String token;
        boolean defaultForProvider;

        Credential(long id) {
            this.id = id;
        }
    }

    Workspace(Clock clock) {
        this.clock = clock;
        this.workspaceId = randomNumericId();
    }

    synchronized void baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    synchronized EmulatedPrincipal addUser(String userName, String displayName) {
        requireText(userName, "userName");
        for (EmulatedPrincipal p : principals.values()) {
            if (userName.equalsIgnoreCase(p.userName())) {
                throw new IllegalArgumentException("a principal with userName " + userName + " already exists");
            }
        }
        EmulatedPrincipal p = new EmulatedPrincipal(newPrincipalId(), null, userName, displayName, false);
        principals.put(p.id(), p);
        return p;
    }

    synchronized EmulatedPrincipal addServicePrincipal(long id, String applicationId, String displayName) {
        requireText(applicationId, "applicationId");
        if (id <= 0) {
            throw new IllegalArgumentException("id must be positive: " + id);
        }
        if (principals.containsKey(id)) {
            throw new IllegalArgumentException("a principal with id " + id + " already exists");
        }
        for (EmulatedPrincipal p : principals.values()) {
            if (applicationId.equalsIgnoreCase(p.userName())) {
                throw new IllegalArgumentException("a principal with applicationId " + applicationId + " exists");
            }
        }
        EmulatedPrincipal p = new EmulatedPrincipal(id, applicationId, applicationId, displayName, true);
        principals.put(id, p);
        return p;
    }

    synchronized EmulatedPrincipal addServicePrincipal(String displayName) {
        return addServicePrincipal(newPrincipalId(), UUID.randomUUID().toString(), displayName);
    }

    synchronized String issuePat(EmulatedPrincipal owner) {
        return registerPat(owner, "dapi" + randomHex(16));
    }

    synchronized String registerPat(EmulatedPrincipal owner, String token) {
        requireKnown(owner);
        requireText(token, "token");
        if (pats.containsKey(token) || oauthTokens.containsKey(token)) {
            throw new IllegalArgumentException("token already registered");
        }
        pats.put(token, owner);
        return token;
    }

    synchronized void revokePat(String token) {
        pats.remove(token);
    }

    synchronized OAuthClient issueOAuthSecret(EmulatedPrincipal servicePrincipal) {
        return registerOAuthSecret(servicePrincipal, "dose" + randomHex(16));
    }

    synchronized OAuthClient registerOAuthSecret(EmulatedPrincipal servicePrincipal, String secret) {
        requireKnown(servicePrincipal);
        requireText(secret, "secret");
        if (!servicePrincipal.servicePrincipal()) {
            throw new IllegalArgumentException("OAuth M2M secrets exist only for service principals");
        }
        oauthSecrets
                .computeIfAbsent(servicePrincipal.applicationId(), k -> new HashSet<>())
                .add(secret);
        return new OAuthClient(servicePrincipal.applicationId(), secret);
    }

    synchronized void grantManager(EmulatedPrincipal manager, EmulatedPrincipal servicePrincipal) {
        requireKnown(manager);
        requireKnown(servicePrincipal);
        if (!servicePrincipal.servicePrincipal()) {
            throw new IllegalArgumentException("managers can only be granted on service principals");
        }
        managersBySp
                .computeIfAbsent(servicePrincipal.id(), k -> new HashSet<>())
                .add(manager.id());
    }

    synchronized void legacyOneCredentialPerUser(boolean legacy) {
        this.legacyOneCredentialPerUser = legacy;
    }

    synchronized void oauthTokenLifetime(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be positive");
        }
        this.oauthTokenLifetime = lifetime;
    }

    synchronized void expireAllOAuthTokens() {
        oauthTokens.clear();
    }

    synchronized void deleteGitCredentials(EmulatedPrincipal owner) {
        credentialsByOwner.remove(owner.id());
    }

    synchronized List<StoredGitCredential> gitCredentials(EmulatedPrincipal owner) {
        Map<Long, Credential> mine = credentialsByOwner.getOrDefault(owner.id(), Map.of());
        List<StoredGitCredential> result = new ArrayList<>(mine.size());
        for (Credential c : mine.values()) {
            result.add(new StoredGitCredential(c.id, c.provider, c.username, c.email, c.name, c.token));
        }
        return result;
    }

    synchronized List<EmulatedPrincipal> principals() {
        return List.copyOf(principals.values());
    }

    synchronized Reply handle(Endpoint endpoint, RecordedRequest request, String requestId) {
        try {
            return switch (endpoint) {
                case HOST_METADATA -> hostMetadata();
                case OAUTH_DISCOVERY -> discovery();
                case OAUTH_TOKEN -> oauthToken(request);
                default -> authenticated(endpoint, request, authenticate(request, requestId), requestId);
            };
        } catch (Reply.Failure f) {
            return f.reply();
        }
    }

    private Reply authenticated(
            Endpoint endpoint, RecordedRequest request, EmulatedPrincipal caller, String requestId) {
        HttpUrl url = request.getUrl();
        List<String> segments = url.pathSegments();
        String last = segments.get(segments.size() - 1);
        return switch (endpoint) {
            case SCIM_ME -> me(caller);
            case SCIM_SERVICE_PRINCIPALS -> listServicePrincipals(url);
            case SCIM_SERVICE_PRINCIPAL -> getServicePrincipal(last);
            case GIT_CREDENTIALS_LIST -> listCredentials(caller, queryPrincipalId(url, requestId), requestId);
            case GIT_CREDENTIALS_GET ->
                getCredential(caller, credentialId(last, requestId), queryPrincipalId(url, requestId), requestId);
            case GIT_CREDENTIALS_CREATE -> createCredential(caller, body(request, requestId), requestId);
            case GIT_CREDENTIALS_UPDATE ->
                updateCredential(caller, credentialId(last, requestId), body(request, requestId), requestId);
            case GIT_CREDENTIALS_DELETE ->
                deleteCredential(caller, credentialId(last, requestId), queryPrincipalId(url, requestId), requestId);
            default -> throw new IllegalStateException("unrouted endpoint " + endpoint);
        };
    }

    private EmulatedPrincipal authenticate(RecordedRequest request, String requestId) {
        String header = request.getHeaders().get("Authorization");
        String token = bearer(header);
        if (token == null) {
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.put("error_code", 401);
            body.put(
                    "message",
                    "Credential was not sent or was of an unsupported type for this API. [ReqId: " + requestId + "]");
            body.set("details", requestInfo(requestId));
            throw new Reply.Failure(Reply.json(401, Json.write(body)));
        }
        EmulatedPrincipal owner = pats.get(token);
        if (owner != null) {
            return owner;
        }
        IssuedToken issued = oauthTokens.get(token);
        if (issued != null && clock.instant().isBefore(issued.expiresAt())) {
            return issued.principal();
        }
        throw new Reply.Failure(invalidAccessToken(requestId));
    }

    /** Databricks' answer to an unknown, revoked or expired token: 403 (not 401) with a numeric error code. */
    static Reply invalidAccessToken(String requestId) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("error_code", 403);
        body.put("message", "Invalid access token.");
        body.set("details", requestInfo(requestId));
        return Reply.json(403, Json.write(body)).withHeader("X-Databricks-Reason-Phrase", "Invalid access token.");
    }

    static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    /** What a workspace answers at {@code /.well-known/databricks-config}; the SDKs take the OIDC root from it. */
    private Reply hostMetadata() {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("oidc_endpoint", baseUrl + "/oidc");
        body.put("account_id", accountId);
        body.put("workspace_id", Long.toString(workspaceId));
        body.put("cloud", "aws");
        return Reply.json(200, Json.write(body));
    }

    private Reply discovery() {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("issuer", baseUrl + "/oidc");
        body.put("authorization_endpoint", baseUrl + "/oidc/v1/authorize");
        body.put("token_endpoint", baseUrl + "/oidc/v1/token");
        body.put("jwks_uri", baseUrl + "/oidc/jwks.json");
        body.set("grant_types_supported", Json.strings("client_credentials", "authorization_code", "refresh_token"));
        body.set("response_types_supported", Json.strings("code", "id_token"));
        body.set("scopes_supported", Json.strings("all-apis", "offline_access", "openid", "profile", "email"));
        body.set("token_endpoint_auth_methods_supported", Json.strings("client_secret_basic", "client_secret_post"));
        body.set("code_challenge_methods_supported", Json.strings("S256"));
        return Reply.json(200, Json.write(body));
    }

    private Reply oauthToken(RecordedRequest request) {
        Map<String, String> form = parseForm(bodyText(request));
        String clientId = null;
        List<String> secrets = new ArrayList<>(2);
        String header = request.getHeaders().get("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(
                        Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                decoded = "";
            }
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                String rawId = decoded.substring(0, colon);
                String rawSecret = decoded.substring(colon + 1);
                // golang/oauth2 form-encodes both parts inside the Basic header, the Java SDK does not.
                clientId = urlDecode(rawId);
                secrets.add(rawSecret);
                secrets.add(urlDecode(rawSecret));
            }
        } else if (form.containsKey("client_id")) {
            clientId = form.get("client_id");
            secrets.add(form.getOrDefault("client_secret", ""));
        }
        Set<String> known = clientId == null ? Set.of() : oauthSecrets.getOrDefault(clientId, Set.of());
        if (secrets.stream().noneMatch(known::contains)) {
            return oauthError(401, "invalid_client", "Client authentication failed");
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return oauthError(400, "unsupported_grant_type", "Only grant_type=client_credentials is supported.");
        }
        String scope = form.getOrDefault("scope", "all-apis");
        if (!List.of(scope.trim().split("\\s+")).contains("all-apis")) {
            return oauthError(400, "invalid_scope", "The requested scope is invalid: " + scope);
        }
        String applicationId = clientId;
        EmulatedPrincipal sp = principals.values().stream()
                .filter(p -> p.servicePrincipal() && p.applicationId().equals(applicationId))
                .findFirst()
                .orElseThrow();
        Instant now = clock.instant();
        oauthTokens.values().removeIf(t -> !now.isBefore(t.expiresAt()));
        String token = fakeJwt(sp, now);
        oauthTokens.put(token, new IssuedToken(sp, now.plus(oauthTokenLifetime)));
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("access_token", token);
        body.put("token_type", "Bearer");
        body.put("expires_in", oauthTokenLifetime.toSeconds());
        body.put("scope", "all-apis");
        return Reply.json(200, Json.write(body));
    }

    private String fakeJwt(EmulatedPrincipal sp, Instant now) {
        Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
        String header = enc.encodeToString(
                "{\"kid\":\"emulator\",\"typ\":\"at+jwt\",\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
        ObjectNode claims = Json.MAPPER.createObjectNode();
        claims.put("client_id", sp.applicationId());
        claims.put("scope", "all-apis");
        claims.put("sub", sp.applicationId());
        claims.put("iss", baseUrl + "/oidc");
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(oauthTokenLifetime).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        String payload = enc.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + randomBase64Url(64);
    }

    private static Reply oauthError(int status, String error, String description) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("error", error);
        body.put("error_description", description);
        return Reply.json(status, Json.write(body));
    }

    private Reply me(EmulatedPrincipal caller) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("schemas", Json.strings(SCIM_USER, SCIM_WORKSPACE_USER));
        body.put("id", Long.toString(caller.id()));
        body.put("userName", caller.userName());
        body.put("displayName", caller.displayName());
        body.put("active", true);
        if (!caller.servicePrincipal()) {
            ArrayNode emails = body.putArray("emails");
            ObjectNode email = emails.addObject();
            email.put("value", caller.userName());
            email.put("type", "work");
            email.put("primary", true);
        }
        return Reply.json(200, Json.write(body)).withHeader("X-Databricks-Org-Id", Long.toString(workspaceId));
    }

    private Reply listServicePrincipals(HttpUrl url) {
        String filter = url.queryParameter("filter");
        List<EmulatedPrincipal> matches = new ArrayList<>();
        if (filter == null || filter.isBlank()) {
            principals.values().stream()
                    .filter(EmulatedPrincipal::servicePrincipal)
                    .forEach(matches::add);
        } else {
            Matcher m = SCIM_FILTER.matcher(filter);
            if (!m.matches()) {
                return scimError(400, "invalidFilter", "Unsupported filter: " + filter);
            }
            String attribute = m.group(1).toLowerCase(Locale.ROOT);
            String value = m.group(3);
            for (EmulatedPrincipal p : principals.values()) {
                if (!p.servicePrincipal()) {
                    continue;
                }
                boolean hit =
                        switch (attribute) {
                            case "applicationid" -> p.applicationId().equalsIgnoreCase(value);
                            case "id" -> Long.toString(p.id()).equals(value);
                            default -> value.equals(p.displayName());
                        };
                if (hit) {
                    matches.add(p);
                }
            }
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("schemas", Json.strings(SCIM_LIST));
        body.put("totalResults", matches.size());
        body.put("startIndex", 1);
        body.put("itemsPerPage", matches.size());
        if (!matches.isEmpty()) {
            ArrayNode resources = body.putArray("Resources");
            matches.forEach(p -> resources.add(servicePrincipalResource(p)));
        }
        return Reply.json(200, Json.write(body));
    }

    private Reply getServicePrincipal(String rawId) {
        EmulatedPrincipal p = null;
        try {
            p = principals.get(Long.parseLong(rawId));
        } catch (NumberFormatException e) {
            // falls through to not found, as for any unknown id
        }
        if (p == null || !p.servicePrincipal()) {
            return scimError(404, null, "Service principal with id " + rawId + " not found.");
        }
        return Reply.json(200, Json.write(servicePrincipalResource(p)));
    }

    private static ObjectNode servicePrincipalResource(EmulatedPrincipal p) {
        ObjectNode sp = Json.MAPPER.createObjectNode();
        sp.set("schemas", Json.strings(SCIM_SERVICE_PRINCIPAL));
        sp.put("id", Long.toString(p.id()));
        sp.put("applicationId", p.applicationId());
        sp.put("displayName", p.displayName());
        sp.put("active", true);
        return sp;
    }

    private static Reply scimError(int status, String scimType, String detail) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("schemas", Json.strings(SCIM_ERROR));
        if (scimType != null) {
            body.put("scimType", scimType);
        }
        body.put("detail", detail);
        body.put("status", Integer.toString(status));
        return Reply.json(status, Json.write(body));
    }

    private Reply listCredentials(EmulatedPrincipal caller, Long principalId, String requestId) {
        long owner = resolveOwner(caller, principalId, requestId);
        Map<Long, Credential> mine = credentialsByOwner.getOrDefault(owner, Map.of());
        ObjectNode body = Json.MAPPER.createObjectNode();
        if (!mine.isEmpty()) {
            ArrayNode list = body.putArray("credentials");
            mine.values().forEach(c -> list.add(credentialJson(c, "credential_id")));
        }
        return Reply.json(200, Json.write(body));
    }

    private Reply getCredential(EmulatedPrincipal caller, long id, Long principalId, String requestId) {
        long owner = resolveOwner(caller, principalId, requestId);
        Credential c = find(owner, id, requestId);
        return Reply.json(200, Json.write(credentialJson(c, "credential_id")));
    }

    private Reply createCredential(EmulatedPrincipal caller, ObjectNode request, String requestId) {
        long owner = resolveOwner(caller, longField(request, "principal_id", requestId), requestId);
        String provider = provider(request, requestId);
        String token = textField(request, "personal_access_token", requestId);
        String username = textField(request, "git_username", requestId);
        checkToken(provider, token, username, true, requestId);
        Map<Long, Credential> mine = credentialsByOwner.computeIfAbsent(owner, k -> new LinkedHashMap<>());
        if (legacyOneCredentialPerUser && !mine.isEmpty()) {
            throw error(
                    400,
                    "INVALID_STATE",
                    "Only one Git credential is supported at this time. If you would like to update your credential,"
                            + " please use the PATCH endpoint.",
                    requestId);
        }
        boolean servicePrincipal = principals.get(owner).servicePrincipal();
        boolean providerTaken = mine.values().stream().anyMatch(c -> c.provider.equals(provider));
        if (servicePrincipal && providerTaken) {
            throw alreadyExists(provider, requestId);
        }
        Credential c = new Credential(newCredentialId());
        c.provider = provider;
        c.token = token;
        c.username = username;
        c.email = textField(request, "git_email", requestId);
        c.name = textField(request, "name", requestId);
        Boolean wantsDefault = boolField(request, "is_default_for_provider", requestId);
        c.defaultForProvider = !providerTaken || Boolean.TRUE.equals(wantsDefault);
        if (c.defaultForProvider) {
            demoteOthers(mine, c);
        }
        mine.put(c.id, c);
        credentialIds.add(c.id);
        return Reply.json(200, Json.write(credentialJson(c, "credential_id")));
    }

    private Reply updateCredential(EmulatedPrincipal caller, long id, ObjectNode request, String requestId) {
        long owner = resolveOwner(caller, longField(request, "principal_id", requestId), requestId);
        Credential c = find(owner, id, requestId);
        String provider = provider(request, requestId);
        String token = textField(request, "personal_access_token", requestId);
        String username = textField(request, "git_username", requestId);
        checkToken(provider, token, username, false, requestId);
        Map<Long, Credential> mine = credentialsByOwner.get(owner);
        if (!provider.equals(c.provider)
                && principals.get(owner).servicePrincipal()
                && mine.values().stream().anyMatch(o -> o != c && o.provider.equals(provider))) {
            throw alreadyExists(provider, requestId);
        }
        c.provider = provider;
        if (token != null) {
            c.token = token;
        }
        if (username != null) {
            c.username = username;
        }
        String email = textField(request, "git_email", requestId);
        if (email != null) {
            c.email = email;
        }
        String name = textField(request, "name", requestId);
        if (name != null) {
            c.name = name;
        }
        if (Boolean.TRUE.equals(boolField(request, "is_default_for_provider", requestId))) {
            c.defaultForProvider = true;
            demoteOthers(mine, c);
        }
        return Reply.json(200, "{}");
    }

    private Reply deleteCredential(EmulatedPrincipal caller, long id, Long principalId, String requestId) {
        long owner = resolveOwner(caller, principalId, requestId);
        find(owner, id, requestId);
        credentialsByOwner.get(owner).remove(id);
        credentialIds.remove(id);
        return Reply.json(200, "{}");
    }

    private static void demoteOthers(Map<Long, Credential> mine, Credential keep) {
        for (Credential o : mine.values()) {
            if (o != keep && o.provider.equals(keep.provider)) {
                o.defaultForProvider = false;
            }
        }
    }

    private Credential find(long owner, long id, String requestId) {
        Credential c = credentialsByOwner.getOrDefault(owner, Map.of()).get(id);
        if (c == null) {
            throw error(
                    404, "RESOURCE_DOES_NOT_EXIST", "Git credential with id " + id + " could not be found.", requestId);
        }
        return c;
    }

    private long resolveOwner(EmulatedPrincipal caller, Long principalId, String requestId) {
        if (principalId == null || principalId == 0 || principalId == caller.id()) {
            return caller.id();
        }
        EmulatedPrincipal target = principals.get(principalId);
        boolean manager = target != null
                && target.servicePrincipal()
                && managersBySp.getOrDefault(principalId, Set.of()).contains(caller.id());
        if (!manager) {
            throw error(
                    403,
                    "PERMISSION_DENIED",
                    "Only service principal managers can manage the Git credentials of service principal " + principalId
                            + ".",
                    requestId);
        }
        return principalId;
    }

    private String provider(ObjectNode request, String requestId) {
        String raw = textField(request, "git_provider", requestId);
        if (raw == null || raw.isBlank()) {
            throw error(400, "INVALID_PARAMETER_VALUE", "Missing required field: git_provider", requestId);
        }
        for (String p : GIT_PROVIDERS) {
            if (p.equalsIgnoreCase(raw.trim())) {
                return p;
            }
        }
        throw error(
                400,
                "INVALID_PARAMETER_VALUE",
                "Invalid Git provider specified: " + raw + ". Valid Git providers are: "
                        + String.join(", ", GIT_PROVIDERS),
                requestId);
    }

    private void checkToken(String provider, String token, String username, boolean create, String requestId) {
        if (AAD_PROVIDER.equals(provider)) {
            if (token != null || username != null) {
                throw error(
                        400,
                        "INVALID_PARAMETER_VALUE",
                        "Please do not specify personal_access_token or git_username when git_provider is set to "
                                + AAD_PROVIDER + ".",
                        requestId);
            }
            return;
        }
        if ((create && token == null) || (token != null && token.isBlank())) {
            throw error(
                    400,
                    "INVALID_PARAMETER_VALUE",
                    "Personal access token is a required field for all Git providers.",
                    requestId);
        }
    }

    private Reply.Failure alreadyExists(String provider, String requestId) {
        return error(
                409,
                "RESOURCE_ALREADY_EXISTS",
                "A Git credential already exists for provider " + provider
                        + ". Only one credential per provider is allowed for service principals.",
                requestId);
    }

    private static ObjectNode credentialJson(Credential c, String idField) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put(idField, c.id);
        node.put("git_provider", c.provider);
        if (c.username != null) {
            node.put("git_username", c.username);
        }
        if (c.email != null) {
            node.put("git_email", c.email);
        }
        if (c.name != null) {
            node.put("name", c.name);
        }
        node.put("is_default_for_provider", c.defaultForProvider);
        return node;
    }

    private long credentialId(String raw, String requestId) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw error(400, "INVALID_PARAMETER_VALUE", "Invalid credential_id: " + raw, requestId);
        }
    }

    private Long queryPrincipalId(HttpUrl url, String requestId) {
        String raw = url.queryParameter("principal_id");
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw error(400, "INVALID_PARAMETER_VALUE", "Invalid principal_id: " + raw, requestId);
        }
    }

    static Reply.Failure error(int status, String code, String message, String requestId) {
        return new Reply.Failure(databricksError(status, code, message, requestId));
    }

    static Reply databricksError(int status, String code, String message, String requestId) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("error_code", code);
        body.put("message", message);
        body.set("details", requestInfo(requestId));
        return Reply.json(status, Json.write(body));
    }

    static ArrayNode requestInfo(String requestId) {
        ArrayNode details = Json.MAPPER.createArrayNode();
        ObjectNode info = details.addObject();
        info.put("@type", REQUEST_INFO);
        info.put("request_id", requestId);
        info.put("serving_data", "");
        return details;
    }

    private static ObjectNode body(RecordedRequest request, String requestId) {
        String text = bodyText(request);
        JsonNode node;
        try {
            node = text.isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            node = null;
        }
        if (!(node instanceof ObjectNode object)) {
            throw error(
                    400,
                    "MALFORMED_REQUEST",
                    "Invalid JSON given in the body of the request - expected a map",
                    requestId);
        }
        return object;
    }

    private static String textField(ObjectNode body, String field, String requestId) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw error(
                    400,
                    "INVALID_PARAMETER_VALUE",
                    "Invalid value for field " + field + ": expected a string",
                    requestId);
        }
        return v.textValue();
    }

    private static Boolean boolField(ObjectNode body, String field, String requestId) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw error(
                    400,
                    "INVALID_PARAMETER_VALUE",
                    "Invalid value for field " + field + ": expected a boolean",
                    requestId);
        }
        return v.booleanValue();
    }

    private static Long longField(ObjectNode body, String field, String requestId) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        // Proto3 JSON accepts int64 both as a number and as a decimal string.
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isTextual()) {
            try {
                return Long.parseLong(v.textValue());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw error(
                400, "INVALID_PARAMETER_VALUE", "Invalid value for field " + field + ": expected an int64", requestId);
    }

    static String bodyText(RecordedRequest request) {
        ByteString body = request.getBody();
        return body == null ? "" : body.utf8();
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = urlDecode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : urlDecode(pair.substring(eq + 1));
            form.putIfAbsent(key, value);
        }
        return form;
    }

    private static String urlDecode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private void requireKnown(EmulatedPrincipal p) {
        if (p == null || !p.equals(principals.get(p.id()))) {
            throw new IllegalArgumentException("unknown principal: " + p);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private long newPrincipalId() {
        long id;
        do {
            id = randomNumericId();
        } while (principals.containsKey(id));
        return id;
    }

    private long newCredentialId() {
        long id;
        do {
            id = randomNumericId();
        } while (credentialIds.contains(id));
        return id;
    }

    /** 13 to 16 decimal digits, like Databricks' SCIM and credential ids. */
    private long randomNumericId() {
        int digits = 13 + random.nextInt(4);
        long low = (long) Math.pow(10, digits - 1);
        return low + (long) (random.nextDouble() * (9 * low));
    }

    private String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private String randomBase64Url(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}

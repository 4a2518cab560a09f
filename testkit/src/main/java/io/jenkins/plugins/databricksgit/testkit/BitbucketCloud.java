package io.jenkins.plugins.databricksgit.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import mockwebserver3.RecordedRequest;

/**
 * Bitbucket Cloud as far as a repository access token check sees it: tokens bound to one repository with scopes, and
 * {@code GET /2.0/repositories/{workspace}/{slug}}. Guarded by its own monitor, independent of the workspace.
 */
final class BitbucketCloud {
    static final String TOKEN_PREFIX = "ATCTT3xFfGN0";
    /** Repositories: Read; Write, Admin and Delete include it. */
    private static final Set<String> READ_SCOPES =
            Set.of("repository", "repository:write", "repository:admin", "repository:delete");

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Token> tokens = new HashMap<>();
    private final Map<String, String> repositoryUuids = new HashMap<>();
    private String baseUrl = "";

    private record Token(String workspace, String repository, Set<String> scopes) {}

    synchronized void baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    synchronized String addRepositoryToken(String workspace, String repository, Set<String> scopes) {
        return registerRepositoryToken(workspace, repository, scopes, TOKEN_PREFIX + randomBase64Url(48));
    }

    synchronized String registerRepositoryToken(String workspace, String repository, Set<String> scopes, String token) {
        requireText(workspace, "workspace");
        requireText(repository, "repository");
        requireText(token, "token");
        if (tokens.containsKey(token)) {
            throw new IllegalArgumentException("token already registered");
        }
        tokens.put(
                token,
                new Token(workspace.toLowerCase(Locale.ROOT), repository.toLowerCase(Locale.ROOT), Set.copyOf(scopes)));
        return token;
    }

    synchronized void revokeToken(String token) {
        tokens.remove(token);
    }

    synchronized Reply repository(RecordedRequest request) {
        List<String> segments = request.getUrl().pathSegments();
        String workspace = segments.get(3);
        String slug = segments.get(4);
        String token = token(request.getHeaders().get("Authorization"));
        if (token == null) {
            return notVisible();
        }
        Token t = tokens.get(token);
        if (t == null) {
            return error(401, "Token is invalid, expired, or not supported for this endpoint.", null)
                    .withHeader("WWW-Authenticate", "BitbucketCustom realm=\"Bitbucket.org HTTP\"");
        }
        if (!t.workspace().equalsIgnoreCase(workspace) || !t.repository().equalsIgnoreCase(slug)) {
            return notVisible();
        }
        if (t.scopes().stream().noneMatch(READ_SCOPES::contains)) {
            ObjectNode detail = Json.MAPPER.createObjectNode();
            detail.set("required", Json.strings("repository"));
            ArrayNode granted = detail.putArray("granted");
            t.scopes().stream().sorted().forEach(granted::add);
            return error(403, "Your credentials lack one or more required privilege scopes.", detail);
        }
        String fullName = t.workspace() + "/" + t.repository();
        String uuid = repositoryUuids.computeIfAbsent(fullName, k -> "{" + UUID.randomUUID() + "}");
        ObjectNode repo = Json.MAPPER.createObjectNode();
        repo.put("type", "repository");
        repo.put("full_name", fullName);
        repo.put("name", t.repository());
        repo.put("slug", t.repository());
        repo.put("uuid", uuid);
        repo.put("is_private", true);
        repo.put("scm", "git");
        ObjectNode links = repo.putObject("links");
        links.putObject("self").put("href", baseUrl + "/bitbucket/2.0/repositories/" + fullName);
        links.putObject("html").put("href", "https://bitbucket.org/" + fullName);
        ArrayNode clone = links.putArray("clone");
        clone.addObject().put("name", "https").put("href", "https://bitbucket.org/" + fullName + ".git");
        ObjectNode ws = repo.putObject("workspace");
        ws.put("type", "workspace");
        ws.put("slug", t.workspace());
        return Reply.json(200, Json.write(repo));
    }

    private static String token(String header) {
        String token = Workspace.bearer(header);
        if (token != null || header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return token;
        }
        try {
            String decoded =
                    new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            // Scripts also send repository access tokens as Basic x-token-auth:<token>, like Git does.
            return decoded.startsWith("x-token-auth:") ? decoded.substring("x-token-auth:".length()) : "";
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static Reply notVisible() {
        return error(
                404,
                "You may not have access to this repository or it no longer exists in this workspace. If you think"
                        + " this repository exists and you have access, make sure you are authenticated.",
                null);
    }

    static Reply error(int status, String message, ObjectNode detail) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("type", "error");
        ObjectNode error = body.putObject("error");
        error.put("message", message);
        if (detail != null) {
            error.set("detail", detail);
        }
        return Reply.json(status, Json.write(body));
    }

    private String randomBase64Url(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}

package io.jenkins.plugins.databricksgit.core.internal;

import io.jenkins.plugins.databricksgit.core.BitbucketToken;
import io.jenkins.plugins.databricksgit.core.ClientSettings;
import io.jenkins.plugins.databricksgit.core.DatabricksException;
import io.jenkins.plugins.databricksgit.core.TokenCheck;
import io.jenkins.plugins.databricksgit.core.TokenCheck.Status;
import io.jenkins.plugins.databricksgit.core.WorkspaceUrl;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/** {@code GET {api}/2.0/repositories/{workspace}/{repo}} with {@code Authorization: Bearer <token>}. */
public final class BitbucketRestClient {
    private final HttpUrl api;
    private final ApiCaller caller;

    public BitbucketRestClient(String apiBaseUrl, ClientSettings settings) {
        this.api = parseApiUrl(apiBaseUrl);
        OkHttpClient http = HttpClients.derive(settings).build();
        this.caller = new ApiCaller(http, settings);
    }

    /**
     * The rule every Bitbucket API base URL must pass: an http(s) URL without user name or password, https unless the
     * host is this machine ({@link WorkspaceUrl#isLoopback}); query and fragment are dropped, a path is kept (a
     * forwarding proxy may need one).
     */
    public static HttpUrl parseApiUrl(String apiBaseUrl) {
        HttpUrl parsed = apiBaseUrl == null ? null : HttpUrl.parse(apiBaseUrl.strip());
        if (parsed == null) {
            throw new IllegalArgumentException("The Bitbucket API URL must be an http(s) URL such as "
                    + io.jenkins.plugins.databricksgit.core.BitbucketClient.DEFAULT_API_URL + ".");
        }
        if (!parsed.username().isEmpty() || !parsed.password().isEmpty()) {
            throw new IllegalArgumentException("The Bitbucket API URL must not contain a user name or password.");
        }
        if (parsed.scheme().equals("http") && !WorkspaceUrl.isLoopback(parsed.host())) {
            throw new IllegalArgumentException("The Bitbucket API URL must use https:// (plain http is only accepted"
                    + " for a local test server on localhost, 127.0.0.0/8 or [::1]).");
        }
        return parsed.newBuilder().query(null).fragment(null).build();
    }

    public TokenCheck verify(BitbucketToken token) {
        if (token.workspace() == null || token.repository() == null) {
            throw new IllegalArgumentException("To check a Bitbucket token, give the workspace and the repository"
                    + " slug it was created for (bitbucket.org/<workspace>/<repository>).");
        }
        String repo = token.workspace() + "/" + token.repository();
        HttpUrl.Builder url = api.newBuilder();
        if (api.encodedPath().endsWith("/")) {
            url.encodedPath(api.encodedPath());
        }
        url.addPathSegment("2.0")
                .addPathSegment("repositories")
                .addPathSegment(token.workspace())
                .addPathSegment(token.repository());
        Request request = new Request.Builder()
                .url(cleanPath(url.build()))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token.secret().reveal())
                .get()
                .build();
        Status status;
        String message;
        try {
            ApiCaller.Answer a = caller.execute(request);
            switch (a.code()) {
                case 200 -> {
                    status = Status.VALID;
                    message = "The Bitbucket token can read " + repo + ".";
                }
                case 401 -> {
                    status = Status.INVALID_OR_EXPIRED;
                    message = "Bitbucket rejected the token for " + repo + " as invalid, expired or revoked (HTTP"
                            + " 401). Create a new repository access token (Repository settings > Security > Access"
                            + " tokens) and update the stored credential.";
                }
                case 403 -> {
                    status = Status.MISSING_SCOPE;
                    message = "The Bitbucket token is valid but lacks a permission for " + repo + " (HTTP 403)."
                            + " Databricks needs at least Repositories: Read (and Repositories: Write to push);"
                            + " create a new access token with these permissions.";
                }
                case 404 -> {
                    status = Status.REPOSITORY_NOT_VISIBLE;
                    message = "The repository " + repo + " is not visible with this token (HTTP 404). Check the"
                            + " workspace and repository slug, and that the access token was created in this"
                            + " repository (an access token only works for its own repository).";
                }
                default -> {
                    status = Status.UNREACHABLE;
                    message = "Bitbucket answered HTTP " + a.code() + " while checking the token for " + repo
                            + "; the token could not be checked. Try again later.";
                }
            }
        } catch (ApiCaller.TransportFailure f) {
            status = Status.UNREACHABLE;
            message = transportMessage(f.io(), repo);
        } catch (DatabricksException e) {
            status = Status.UNREACHABLE;
            message = "The check of the Bitbucket token for " + repo + " was interrupted.";
        }
        return new TokenCheck(status, message, token.warnings());
    }

    private static HttpUrl cleanPath(HttpUrl url) {
        // A base URL with a trailing slash leaves an empty segment in front of "2.0".
        HttpUrl.Builder b = url.newBuilder();
        for (int i = url.pathSize() - 1; i >= 0; i--) {
            if (url.pathSegments().get(i).isEmpty()) {
                b.removePathSegment(i);
            }
        }
        return b.build();
    }

    private String transportMessage(IOException e, String repo) {
        String host = api.host();
        String why;
        if (e instanceof UnknownHostException) {
            why = "the host " + host + " is unknown (DNS lookup failed)";
        } else if (e instanceof SSLException) {
            why = "no trusted TLS connection to " + host + " could be established";
        } else if (e instanceof ConnectException) {
            why = "the connection to " + host + " was refused";
        } else if (e instanceof SocketTimeoutException || e instanceof java.io.InterruptedIOException) {
            why = host + " did not answer in time";
        } else {
            why = "the connection to " + host + " failed (" + e.getClass().getSimpleName() + ")";
        }
        return "Could not reach Bitbucket to check the token for " + repo + ": " + why
                + ". Check the network and proxy settings, or skip the check.";
    }
}

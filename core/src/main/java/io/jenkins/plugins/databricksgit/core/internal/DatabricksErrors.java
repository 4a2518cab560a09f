package io.jenkins.plugins.databricksgit.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.databricksgit.core.ClientSettings;
import io.jenkins.plugins.databricksgit.core.DatabricksException;
import io.jenkins.plugins.databricksgit.core.DatabricksException.Reason;
import io.jenkins.plugins.databricksgit.core.WorkspaceUrl;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;

/** Turns answers and transport failures into {@link DatabricksException}s with a user-facing sentence. */
public final class DatabricksErrors {
    private static final Pattern REQ_ID = Pattern.compile("\\[ReqId: ([^\\]\\s]+)\\]");
    private static final Set<String> ALREADY_EXISTS_CODES =
            Set.of("RESOURCE_ALREADY_EXISTS", "ALREADY_EXISTS", "INVALID_STATE", "CREDENTIAL_ALREADY_EXISTS");
    private static final int MAX_QUOTE = 300;

    private DatabricksErrors() {}

    /**
     * What a message needs to know about the call.
     *
     * @param action what was attempted, completing "could not ...", e.g. "create the Git credential"
     * @param principalId the principal_id sent, or {@code null}
     * @param auth description of the credentials, without secrets
     */
    public record Context(
            WorkspaceUrl workspace,
            String action,
            Long principalId,
            String auth,
            Redactor redactor,
            ClientSettings settings) {}

    /** The parts of a Databricks JSON error body; {@code present} is false when the body is not one. */
    record ErrorBody(boolean present, String errorCode, String message, String requestId) {
        static final ErrorBody NONE = new ErrorBody(false, null, null, null);
    }

    static ErrorBody parseErrorBody(String body) {
        if (body == null || !body.stripLeading().startsWith("{")) {
            return ErrorBody.NONE;
        }
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return ErrorBody.NONE;
        }
        if (json == null || !json.isObject()) {
            return ErrorBody.NONE;
        }
        String code = text(json.get("error_code"));
        String message = text(json.get("message"));
        if (message == null) {
            message = text(json.get("detail")); // SCIM
        }
        if (code == null && json.has("detail") && json.has("status")) {
            code = "SCIM_" + text(json.get("status"));
        }
        if (message == null && json.get("error") != null) { // API 1.2 and OAuth
            message = text(json.get("error_description")) != null
                    ? text(json.get("error")) + ": " + text(json.get("error_description"))
                    : text(json.get("error"));
            if (code == null) {
                code = text(json.get("error"));
            }
        }
        String requestId = null;
        JsonNode details = json.get("details");
        if (details != null && details.isArray()) {
            for (JsonNode d : details) {
                String type = text(d.get("@type"));
                if (type != null && type.endsWith("RequestInfo")) {
                    requestId = text(d.get("request_id"));
                }
            }
        }
        boolean present = code != null || message != null;
        return present ? new ErrorBody(true, code, message, requestId) : ErrorBody.NONE;
    }

    private static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isContainerNode()) {
            return null;
        }
        String s = n.asText();
        return s.isEmpty() ? null : s;
    }

    /** An answer that is not a success. */
    public static DatabricksException fromAnswer(ApiCaller.Answer a, Context ctx) {
        ErrorBody err = parseErrorBody(a.body());
        String requestId = requestId(a, err);
        String serverMessage = ctx.redactor().scrub(err.message());
        String quote = serverMessage == null ? "" : ": \"" + truncate(serverMessage) + "\"";
        String where = "Databricks at " + ctx.workspace().url();
        String http = "HTTP " + a.code() + quote;
        int code = a.code();
        Reason reason;
        String text;
        if (code >= 300 && code < 400) {
            reason = Reason.NOT_A_DATABRICKS_WORKSPACE;
            text = ctx.workspace().url() + " answered with a redirect (HTTP " + code + ")" + redirectTarget(a)
                    + ", which the Databricks REST API never does: the URL is probably not the workspace URL (or a"
                    + " proxy or login page is in the way). " + useWorkspaceUrl();
        } else if (code == 429) {
            reason = Reason.RATE_LIMITED;
            text = where + " rejected the request to " + ctx.action() + " as too many requests (" + http + ")"
                    + attemptsText(a) + retryAfterText(a) + ". Try again later, or run fewer jobs against this"
                    + " workspace at the same time.";
        } else if (code == 503) {
            reason = Reason.UNAVAILABLE;
            text = where + " is temporarily unavailable (" + http + ")" + attemptsText(a) + retryAfterText(a)
                    + ". Try again later.";
        } else if (isInvalidToken(a, err)) {
            reason = Reason.INVALID_TOKEN;
            if (ctx.auth().startsWith("OAuth")) {
                // The interceptor already fetched a fresh token once: the secret works, the identity does not.
                text = where + " rejected the OAuth access token of " + ctx.auth() + " as invalid, even freshly"
                        + " issued (" + http + "). Check that the service principal has been added to this workspace"
                        + " and is active, and that the client secret belongs to this workspace's account.";
            } else {
                text = where + " rejected the access token as invalid or expired (" + http + "). The " + ctx.auth()
                        + " is wrong, expired or revoked: create a new one and update the stored credential.";
            }
        } else if (!err.present()) {
            reason = code >= 500 ? Reason.SERVER_ERROR : Reason.NOT_A_DATABRICKS_WORKSPACE;
            if (code >= 500) {
                text = where + " failed with HTTP " + code + " and no Databricks error details while trying to "
                        + ctx.action() + ". Try again later; if it persists, check that "
                        + ctx.workspace().url()
                        + " is the workspace URL and that no proxy is in the way.";
            } else {
                text = ctx.workspace().url() + " does not look like a Databricks workspace: "
                        + a.url().encodedPath() + " answered HTTP " + code + " " + contentTypeText(a)
                        + " instead of a Databricks API answer. " + useWorkspaceUrl();
            }
        } else if (code == 401) {
            reason = Reason.NO_CREDENTIALS_SENT;
            text = where + " says no usable credential reached it (" + http + "). Check that the credential is a"
                    + " Databricks personal access token or OAuth client secret, and that no proxy between here and"
                    + " Databricks removes the Authorization header.";
        } else if (code == 403 && ctx.principalId() != null) {
            reason = Reason.NOT_SERVICE_PRINCIPAL_MANAGER;
            text = where + " refused to " + ctx.action() + " for service principal " + ctx.principalId() + " ("
                    + http + "): the caller (" + ctx.auth() + ") is not a Service Principal Manager of that service"
                    + " principal, or no service principal has that numeric id in this workspace. Check the id,"
                    + " grant the caller the Service Principal: Manager role on it (account console >"
                    + " User management > Service principals > the service principal > Permissions), or"
                    + " authenticate as the service principal itself (its OAuth secret or token) without naming a"
                    + " service principal.";
        } else if (code == 403) {
            reason = Reason.PERMISSION_DENIED;
            text = where + " refused to " + ctx.action() + " (" + http + "): the caller (" + ctx.auth()
                    + ") lacks the permission. Ask a workspace admin to grant it.";
        } else if (code == 409 || ALREADY_EXISTS_CODES.contains(upper(err.errorCode()))) {
            reason = Reason.ALREADY_EXISTS;
            text = where + " could not " + ctx.action() + ": a Git credential for this provider already exists (" + http
                    + "). Update the existing credential instead of creating a new one.";
        } else if (code == 404) {
            reason = Reason.NOT_FOUND;
            text = where + " could not " + ctx.action() + ": not found (" + http + ").";
        } else if (code == 400) {
            reason = Reason.INVALID_REQUEST;
            text = where + " rejected the request to " + ctx.action() + " (" + http + ").";
        } else if (code >= 500) {
            reason = Reason.SERVER_ERROR;
            text = where + " failed with an internal error while trying to " + ctx.action() + " (" + http
                    + "). Try again later.";
        } else {
            reason = Reason.OTHER;
            text = where + " could not " + ctx.action() + " (" + http + ").";
        }
        if (requestId != null) {
            text += " Databricks request id: " + requestId + ".";
        }
        return new DatabricksException(
                reason, code, err.errorCode(), requestId, false, ctx.redactor().scrub(text), null);
    }

    /** A 2xx answer whose body is not the expected JSON. */
    public static DatabricksException unreadableSuccess(ApiCaller.Answer a, Context ctx, boolean outcomeUnknown) {
        String ct = a.contentType() == null ? "" : a.contentType().subtype().toLowerCase(Locale.ROOT);
        boolean html = ct.contains("html") || a.body().stripLeading().startsWith("<");
        if (html) {
            return new DatabricksException(
                    Reason.NOT_A_DATABRICKS_WORKSPACE,
                    a.code(),
                    null,
                    requestId(a, ErrorBody.NONE),
                    outcomeUnknown,
                    ctx.workspace().url() + " does not look like a Databricks workspace: "
                            + a.url().encodedPath() + " answered with a web page instead of a Databricks API answer. "
                            + useWorkspaceUrl(),
                    null);
        }
        return new DatabricksException(
                Reason.SERVER_ERROR,
                a.code(),
                null,
                requestId(a, ErrorBody.NONE),
                outcomeUnknown,
                "Databricks at " + ctx.workspace().url() + " sent an unreadable answer (HTTP " + a.code()
                        + ") while trying to " + ctx.action() + "."
                        + (outcomeUnknown
                                ? " The change may or may not have been applied: run the operation again (pushing"
                                        + " and removing are safe to repeat); if this keeps happening, check that no"
                                        + " proxy is in the way."
                                : " Try again later."),
                null);
    }

    /** No answer arrived. */
    public static DatabricksException fromTransport(ApiCaller.TransportFailure f, Context ctx) {
        return fromTransport(f.io(), f.sent(), f.attempts(), ctx);
    }

    static DatabricksException fromTransport(IOException e, boolean sent, int attempts, Context ctx) {
        WorkspaceUrl w = ctx.workspace();
        String host = w.host();
        String detail = ctx.redactor().scrub(e.getMessage());
        String attemptsText = attempts > 1 ? " after " + attempts + " attempts" : "";
        String unknown = sent ? " The request had been sent, so it may or may not have been applied." : "";
        Reason reason;
        String text;
        if (e instanceof UnknownHostException) {
            reason = Reason.UNKNOWN_HOST;
            text = "The host " + host + " is unknown (DNS lookup failed). Check the workspace URL for typos, and the"
                    + " DNS and proxy settings of this machine.";
        } else if (e instanceof SSLException) {
            reason = Reason.TLS_FAILURE;
            text = "Could not establish a trusted TLS (https) connection to " + w.url()
                    + (detail == null ? "" : " (" + truncate(detail) + ")")
                    + ". If a proxy inspects TLS traffic, add its CA certificate to the trust store of this Java"
                    + " runtime; otherwise check that the workspace URL is right.";
        } else if (e instanceof NoRouteToHostException) {
            reason = Reason.CONNECTION_FAILED;
            text = "Could not connect to " + w.url() + attemptsText + ": the host is unreachable from this machine"
                    + " (no route). Check the workspace URL, and the network, firewall and proxy settings.";
        } else if (e instanceof ConnectException) {
            reason = Reason.CONNECTION_FAILED;
            text = "Could not connect to " + w.url() + attemptsText + ": the connection was refused (nothing accepts"
                    + " connections on port " + w.httpUrl().port() + " there). Check the workspace URL, and the"
                    + " firewall and proxy settings of this machine.";
        } else if (e instanceof SocketTimeoutException && !sent) {
            reason = Reason.TIMEOUT;
            text = "Connecting to " + w.url() + " timed out" + attemptsText + " (connect timeout "
                    + seconds(ctx.settings().connectTimeout()) + "). Check the workspace URL, and the firewall and"
                    + " proxy settings of this machine.";
        } else if (e instanceof InterruptedIOException) {
            reason = Reason.TIMEOUT;
            text = "Databricks at " + w.url() + " did not answer in time while trying to " + ctx.action()
                    + " (read timeout " + seconds(ctx.settings().readTimeout()) + ", call timeout "
                    + seconds(ctx.settings().callTimeout()) + ")." + unknown
                    + " Try again later, or raise the timeouts.";
        } else {
            reason = Reason.CONNECTION_FAILED;
            text = "The connection to " + w.url() + " failed while trying to " + ctx.action()
                    + (detail == null ? "" : " (" + truncate(detail) + ")") + "." + unknown
                    + " Check network and proxy settings, and try again.";
        }
        return new DatabricksException(
                reason, 0, null, null, sent, ctx.redactor().scrub(text), e);
    }

    private static boolean isInvalidToken(ApiCaller.Answer a, ErrorBody err) {
        if (a.code() != 403) {
            return false;
        }
        String phrase = a.headers().get("X-Databricks-Reason-Phrase");
        if (phrase != null && isInvalidTokenText(phrase)) {
            return true;
        }
        if (err.present()) {
            return isInvalidTokenText(err.message());
        }
        return isInvalidTokenText(a.body()); // older deployments: a Jetty HTML page
    }

    /** Whether a 403 text is Databricks' "Invalid access token." (or an expired-token variant). */
    public static boolean isInvalidTokenText(String s) {
        if (s == null) {
            return false;
        }
        String l = s.toLowerCase(Locale.ROOT);
        return l.contains("invalid access token") || l.contains("token expired") || l.contains("expired token");
    }

    private static String requestId(ApiCaller.Answer a, ErrorBody err) {
        String h = a.headers().get("x-request-id");
        if (h == null) {
            h = a.headers().get("x-databricks-request-id");
        }
        if (h != null && !h.isBlank()) {
            return h.strip();
        }
        if (err.requestId() != null) {
            return err.requestId();
        }
        if (err.message() != null) {
            Matcher m = REQ_ID.matcher(err.message());
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static String redirectTarget(ApiCaller.Answer a) {
        String location = a.headers().get("Location");
        if (location == null) {
            return "";
        }
        HttpUrl target = a.url().resolve(location);
        return target == null ? "" : " to " + target.host();
    }

    private static String attemptsText(ApiCaller.Answer a) {
        return a.attempts() > 1 ? " after " + a.attempts() + " attempts" : "";
    }

    private static String retryAfterText(ApiCaller.Answer a) {
        String ra = a.headers().get("Retry-After");
        if (ra == null) {
            return "";
        }
        Duration d = ApiCaller.retryAfter(ra, java.time.Instant.now());
        if (d == null) {
            return "";
        }
        return d.compareTo(Duration.ofDays(1)) > 0
                ? "; it asked to wait more than a day"
                : "; it asked to wait " + d.toSeconds() + " s";
    }

    private static String contentTypeText(ApiCaller.Answer a) {
        if (a.contentType() == null) {
            return "without a Databricks error body";
        }
        return "with " + a.contentType().type() + "/" + a.contentType().subtype() + " content";
    }

    private static String useWorkspaceUrl() {
        return "Use the workspace URL from the browser's address bar, for example"
                + " https://adb-1234567890123456.7.azuredatabricks.net or https://<name>.cloud.databricks.com.";
    }

    private static String seconds(Duration d) {
        return d.isZero() ? "none" : d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String upper(String s) {
        return s == null ? "" : s.toUpperCase(Locale.ROOT);
    }

    static String truncate(String s) {
        String oneLine = s.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_QUOTE ? oneLine : oneLine.substring(0, MAX_QUOTE) + "…";
    }
}

package io.jenkins.plugins.databricksgit.testkit;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * Routes each request to its {@link Endpoint}, counts it, plays an injected {@link Fault} if one is pending and
 * otherwise lets the {@link Workspace} answer. Logs method, path and status only: never headers, query or body.
 */
final class EmulatorDispatcher extends Dispatcher {
    private static final Logger LOGGER = Logger.getLogger(DatabricksEmulator.class.getName());
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final String API = "/api/2.0";
    private static final String SCIM = API + "/preview/scim/v2";
    private static final String CREDENTIALS = API + "/git-credentials";

    private final Workspace workspace;
    private final BitbucketCloud bitbucket;
    private final AtomicIntegerArray counts = new AtomicIntegerArray(Endpoint.values().length);
    private final Map<Endpoint, Deque<PendingFault>> faults = new EnumMap<>(Endpoint.class);
    /** Faults for the next requests to any of several endpoints; guarded by {@link #faults}. */
    private final Deque<Map.Entry<Set<Endpoint>, PendingFault>> anyOf = new ArrayDeque<>();

    private final Runnable drainRecorded;
    private volatile Consumer<String> accessLog;
    private volatile long latencyMillis;

    private static final class PendingFault {
        final Fault fault;
        int remaining;

        PendingFault(Fault fault) {
            this.fault = fault;
            this.remaining = fault.count();
        }
    }

    EmulatorDispatcher(Workspace workspace, BitbucketCloud bitbucket, Runnable drainRecorded) {
        this.workspace = workspace;
        this.bitbucket = bitbucket;
        this.drainRecorded = drainRecorded;
    }

    void accessLog(Consumer<String> accessLog) {
        this.accessLog = accessLog;
    }

    void latency(long millis) {
        this.latencyMillis = millis;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        // MockWebServer keeps every request for takeRequest(); nobody takes them here, so drop them.
        drainRecorded.run();
        String requestId = UUID.randomUUID().toString();
        String method = request.getMethod();
        String path = request.getUrl().encodedPath();
        Endpoint endpoint = route(method, request.getUrl().pathSegments());
        Reply reply;
        long delayMillis = 0;
        boolean drop = false;
        if (endpoint == null) {
            reply = notFound(method, path, requestId);
        } else {
            counts.incrementAndGet(endpoint.ordinal());
            Fault fault = takeFault(endpoint);
            if (fault == null) {
                reply = handle(endpoint, request, requestId);
            } else {
                switch (fault.kind()) {
                    case LATENCY -> {
                        reply = handle(endpoint, request, requestId);
                        delayMillis = fault.latency().toMillis();
                    }
                    case DROP_CONNECTION_AFTER_APPLYING -> {
                        handle(endpoint, request, requestId);
                        reply = null;
                        drop = true;
                    }
                    case DROP_CONNECTION -> {
                        reply = null;
                        drop = true;
                    }
                    case RATE_LIMITED -> reply = rateLimited(endpoint, fault, requestId);
                    case STATUS -> reply = statusReply(endpoint, fault.status(), requestId);
                    case MALFORMED_BODY -> reply = Reply.json(200, "{\"credential_id\": 1234, \"git_provider\": \"");
                    case HTML -> reply = html(fault.status());
                    case INVALID_ACCESS_TOKEN -> reply = Workspace.invalidAccessToken(requestId);
                    case STALL -> {
                        reply = statusReply(endpoint, 504, requestId);
                        delayMillis = fault.latency().toMillis();
                    }
                    default -> throw new IllegalStateException(fault.toString());
                }
            }
        }
        delayMillis += latencyMillis;
        log(method, path, drop ? "connection dropped" : Integer.toString(reply.status()));
        if (drop) {
            return new MockResponse.Builder()
                    .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                    .build();
        }
        MockResponse.Builder response = new MockResponse.Builder()
                .code(reply.status())
                .setHeader("Content-Type", reply.contentType())
                .setHeader("x-request-id", requestId)
                .body(reply.body());
        reply.headers().forEach(response::setHeader);
        if (delayMillis > 0) {
            response.headersDelay(delayMillis, TimeUnit.MILLISECONDS);
        }
        return response.build();
    }

    private Reply handle(Endpoint endpoint, RecordedRequest request, String requestId) {
        try {
            return endpoint == Endpoint.BITBUCKET_REPOSITORY
                    ? bitbucket.repository(request)
                    : workspace.handle(endpoint, request, requestId);
        } catch (RuntimeException e) {
            // An emulator bug must surface as a clear answer in the test that hit it, not as a dead connection.
            LOGGER.log(Level.WARNING, "Emulator failed on " + endpoint, e);
            return Workspace.databricksError(
                    500, "INTERNAL_ERROR", "Emulator failure: " + e.getClass().getName(), requestId);
        }
    }

    private void log(String method, String path, String outcome) {
        Consumer<String> sink = accessLog;
        if (sink != null) {
            sink.accept(method + " " + path + " -> " + outcome);
        }
        if (LOGGER.isLoggable(Level.FINE)) {
            LOGGER.fine(method + " " + path + " -> " + outcome);
        }
    }

    static Endpoint route(String method, List<String> segments) {
        String path = "/" + String.join("/", segments);
        if (path.endsWith("/") && path.length() > 1) {
            path = path.substring(0, path.length() - 1);
        }
        int n = segments.size();
        switch (method) {
            case "GET" -> {
                if (path.equals("/.well-known/databricks-config")) {
                    return Endpoint.HOST_METADATA;
                }
                if (path.equals("/oidc/.well-known/oauth-authorization-server")) {
                    return Endpoint.OAUTH_DISCOVERY;
                }
                if (path.equals(SCIM + "/Me")) {
                    return Endpoint.SCIM_ME;
                }
                if (path.equals(SCIM + "/ServicePrincipals")) {
                    return Endpoint.SCIM_SERVICE_PRINCIPALS;
                }
                if (path.startsWith(SCIM + "/ServicePrincipals/") && n == 7) {
                    return Endpoint.SCIM_SERVICE_PRINCIPAL;
                }
                if (path.equals(CREDENTIALS)) {
                    return Endpoint.GIT_CREDENTIALS_LIST;
                }
                if (path.startsWith(CREDENTIALS + "/") && n == 4) {
                    return Endpoint.GIT_CREDENTIALS_GET;
                }
                if (path.startsWith("/bitbucket/2.0/repositories/")
                        && n == 5
                        && !segments.get(4).isEmpty()) {
                    return Endpoint.BITBUCKET_REPOSITORY;
                }
            }
            case "POST" -> {
                if (path.equals("/oidc/v1/token")) {
                    return Endpoint.OAUTH_TOKEN;
                }
                if (path.equals(CREDENTIALS)) {
                    return Endpoint.GIT_CREDENTIALS_CREATE;
                }
            }
            case "PATCH" -> {
                if (path.startsWith(CREDENTIALS + "/") && n == 4) {
                    return Endpoint.GIT_CREDENTIALS_UPDATE;
                }
            }
            case "DELETE" -> {
                if (path.startsWith(CREDENTIALS + "/") && n == 4) {
                    return Endpoint.GIT_CREDENTIALS_DELETE;
                }
            }
            default -> {
                return null;
            }
        }
        return null;
    }

    private static Reply notFound(String method, String path, String requestId) {
        if (path.startsWith("/api/")) {
            return Workspace.databricksError(
                    404,
                    "ENDPOINT_NOT_FOUND",
                    "No API found for '" + method + " " + path.substring(4) + "'",
                    requestId);
        }
        if (path.startsWith("/bitbucket/")) {
            return BitbucketCloud.error(404, "Resource not found", null);
        }
        return html(404);
    }

    private static Reply rateLimited(Endpoint endpoint, Fault fault, String requestId) {
        String retryAfter = fault.retryAfterText() != null
                ? fault.retryAfterText()
                : fault.retryAfterDate() != null
                        ? HTTP_DATE.format(fault.retryAfterDate())
                        : Integer.toString(fault.retryAfterSeconds());
        Reply reply = endpoint == Endpoint.BITBUCKET_REPOSITORY
                ? BitbucketCloud.error(429, "Rate limit for this resource has been exceeded", null)
                : Workspace.databricksError(
                        429,
                        "REQUEST_LIMIT_EXCEEDED",
                        "Error: Request limit exceeded. RPC token bucket limit has been exceeded.",
                        requestId);
        return reply.withHeader("Retry-After", retryAfter);
    }

    private static Reply statusReply(Endpoint endpoint, int status, String requestId) {
        if (endpoint == Endpoint.BITBUCKET_REPOSITORY) {
            return BitbucketCloud.error(status, "Something went wrong (HTTP " + status + ").", null);
        }
        if (endpoint == Endpoint.OAUTH_TOKEN && status < 500) {
            return Reply.json(status, "{\"error\":\"invalid_request\",\"error_description\":\"HTTP " + status + "\"}");
        }
        String code =
                switch (status) {
                    case 400 -> "BAD_REQUEST";
                    case 401 -> "UNAUTHENTICATED";
                    case 403 -> "PERMISSION_DENIED";
                    case 404 -> "NOT_FOUND";
                    case 409 -> "ABORTED";
                    case 429 -> "REQUEST_LIMIT_EXCEEDED";
                    case 500 -> "INTERNAL_ERROR";
                    case 501 -> "NOT_IMPLEMENTED";
                    case 502 -> "BAD_GATEWAY";
                    case 503 -> "TEMPORARILY_UNAVAILABLE";
                    case 504 -> "DEADLINE_EXCEEDED";
                    default -> "UNKNOWN";
                };
        String message =
                switch (status) {
                    case 500 -> "Internal error. Please try again later.";
                    case 503 -> "The service is temporarily unavailable. Please try again later.";
                    case 504 -> "The request timed out.";
                    default -> "Injected error (HTTP " + status + ").";
                };
        return Workspace.databricksError(status, code, message, requestId);
    }

    static Reply html(int status) {
        String title = "Error " + status;
        String body = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + title + "</title></head>\n"
                + "<body><h2>HTTP ERROR " + status + "</h2><p>The page you requested could not be served.</p>"
                + "</body></html>\n";
        return new Reply(status, "text/html; charset=utf-8", body, Map.of());
    }

    void inject(Endpoint endpoint, Fault fault) {
        synchronized (faults) {
            faults.computeIfAbsent(endpoint, e -> new ArrayDeque<>()).addLast(new PendingFault(fault));
        }
    }

    void injectAny(Set<Endpoint> endpoints, Fault fault) {
        synchronized (faults) {
            anyOf.addLast(Map.entry(Set.copyOf(endpoints), new PendingFault(fault)));
        }
    }

    void clearFaults() {
        synchronized (faults) {
            faults.clear();
            anyOf.clear();
        }
    }

    private Fault takeFault(Endpoint endpoint) {
        synchronized (faults) {
            Deque<PendingFault> pending = faults.get(endpoint);
            if (pending != null && !pending.isEmpty()) {
                PendingFault head = pending.peekFirst();
                if (--head.remaining == 0) {
                    pending.removeFirst();
                }
                return head.fault;
            }
            for (var it = anyOf.iterator(); it.hasNext(); ) {
                Map.Entry<Set<Endpoint>, PendingFault> entry = it.next();
                if (entry.getKey().contains(endpoint)) {
                    PendingFault head = entry.getValue();
                    if (--head.remaining == 0) {
                        it.remove();
                    }
                    return head.fault;
                }
            }
            return null;
        }
    }

    int count(Endpoint endpoint) {
        return counts.get(endpoint.ordinal());
    }

    Map<Endpoint, Integer> counts() {
        Map<Endpoint, Integer> result = new EnumMap<>(Endpoint.class);
        for (Endpoint e : Endpoint.values()) {
            result.put(e, counts.get(e.ordinal()));
        }
        return result;
    }

    void resetCounts() {
        for (int i = 0; i < counts.length(); i++) {
            counts.set(i, 0);
        }
    }
}

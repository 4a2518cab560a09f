package io.jenkins.plugins.databricksgit.bench;

import io.jenkins.plugins.databricksgit.bench.Clients.CredentialClient;
import io.jenkins.plugins.databricksgit.bench.Clients.Kind;
import io.jenkins.plugins.databricksgit.bench.Clients.Login;
import io.jenkins.plugins.databricksgit.testkit.Endpoint;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * OAuth M2M token requests for 100 pushes inside one token lifetime (own mode, the service principal's client id and
 * secret). The engine and the SDK keep one client for all pushes; the naive flow is one script run per push, each
 * fetching its token first, as a CI step does.
 */
final class OAuthTokens implements Benchmarks.Section {
    static final int PUSHES = 100;

    @Override
    public String key() {
        return "oauth";
    }

    @Override
    public String title() {
        return "OAuth token requests per " + PUSHES + " pushes in one token lifetime";
    }

    @Override
    public Map<String, Object> run(Benchmarks options, PrintStream out) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            try (BenchWorkspace w = new BenchWorkspace(1)) {
                Login login = Login.oauth(w, 0);
                w.emulator.resetCounts();
                CredentialClient client = kind == Kind.NAIVE ? null : kind.open(login);
                long id = 0;
                for (int i = 0; i < PUSHES; i++) {
                    CredentialClient c = client != null ? client : kind.open(login);
                    id = c.push("ATCTT3xFfGN0benchOAuth" + (i % 2));
                }
                int fetches = w.emulator.requestCount(Endpoint.OAUTH_TOKEN);
                int discovery = w.emulator.requestCount(Endpoint.OAUTH_DISCOVERY)
                        + w.emulator.requestCount(Endpoint.HOST_METADATA);
                (client != null ? client : kind.open(login)).remove(id);
                Map<String, Object> k = new LinkedHashMap<>();
                k.put("token_requests", fetches);
                k.put("discovery_requests", discovery);
                result.put(kind.key, k);
                out.printf(
                        Locale.ROOT,
                        "  %-34s %4d token requests, %3d discovery/metadata requests%n",
                        kind.label + (kind == Kind.NAIVE ? " (a run per push)" : ""),
                        fetches,
                        discovery);
            }
        }
        return result;
    }
}

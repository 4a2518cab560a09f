package io.jenkins.plugins.databricksgit.bench;

import io.jenkins.plugins.databricksgit.testkit.DatabricksEmulator;
import io.jenkins.plugins.databricksgit.testkit.EmulatedPrincipal;
import io.jenkins.plugins.databricksgit.testkit.Endpoint;
import io.jenkins.plugins.databricksgit.testkit.OAuthClient;
import io.jenkins.plugins.databricksgit.testkit.StoredGitCredential;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An emulated workspace for the benchmark: service principals, each with a PAT and an OAuth secret, and one manager
 * (a service principal with a PAT) of all of them.
 */
final class BenchWorkspace implements AutoCloseable {
    final DatabricksEmulator emulator;
    final List<EmulatedPrincipal> principals = new ArrayList<>();
    final List<String> pats = new ArrayList<>();
    final List<OAuthClient> oauth = new ArrayList<>();
    final String managerPat;

    BenchWorkspace(int principalCount) {
        emulator = DatabricksEmulator.start();
        EmulatedPrincipal manager = emulator.addServicePrincipal("bench-controller");
        managerPat = emulator.issuePat(manager);
        for (int i = 0; i < principalCount; i++) {
            EmulatedPrincipal sp = emulator.addServicePrincipal("bench-bot-" + i);
            principals.add(sp);
            pats.add(emulator.issuePat(sp));
            oauth.add(emulator.issueOAuthSecret(sp));
            emulator.grantManager(manager, sp);
        }
    }

    String url() {
        return emulator.url();
    }

    void latency(int millis) {
        emulator.setLatency(Duration.ofMillis(millis));
    }

    /** Requests since the last reset, OAuth token requests left out (they are counted apart). */
    int roundTrips() {
        return emulator.requestCounts().entrySet().stream()
                .filter(e -> e.getKey() != Endpoint.OAUTH_TOKEN)
                .mapToInt(Map.Entry::getValue)
                .sum();
    }

    Map<Endpoint, Integer> nonZeroCounts() {
        Map<Endpoint, Integer> result = new EnumMap<>(Endpoint.class);
        emulator.requestCounts().forEach((endpoint, count) -> {
            if (count != 0) {
                result.put(endpoint, count);
            }
        });
        return result;
    }

    /** Credentials stored for all principals now. */
    int credentialsLeft() {
        int left = 0;
        for (EmulatedPrincipal p : principals) {
            List<StoredGitCredential> stored = emulator.gitCredentials(p);
            left += stored.size();
        }
        return left;
    }

    @Override
    public void close() {
        emulator.close();
    }
}

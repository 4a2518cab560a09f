package io.jenkins.plugins.databricksgit.core;

import io.jenkins.plugins.databricksgit.core.internal.Sleeper;
import io.jenkins.plugins.databricksgit.testkit.DatabricksEmulator;
import io.jenkins.plugins.databricksgit.testkit.EmulatedPrincipal;
import io.jenkins.plugins.databricksgit.testkit.StoredGitCredential;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * An emulated workspace with a service principal (authenticating as itself with a PAT) and a manager of it, plus
 * helpers to build clients, targets and requests. Retries are quick so that fault tests stay fast.
 */
final class EngineFixture implements AutoCloseable {
    /** Retries happen at once: the tests are about what is retried, not about how long the client waits. */
    static final Sleeper NO_BACKOFF = new Sleeper() {
        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void sleep(Duration duration) {}
    };

    final DatabricksEmulator emulator;
    final EmulatedPrincipal sp;
    final String spPat;
    final EmulatedPrincipal manager;
    final String managerPat;
    private final ClientSettings settings;

    EngineFixture() throws Exception {
        this(null);
    }

    EngineFixture(OkHttpClient baseClient) throws Exception {
        emulator = DatabricksEmulator.start();
        sp = emulator.addServicePrincipal("deploy-bot");
        spPat = emulator.issuePat(sp);
        manager = emulator.addServicePrincipal("jenkins-controller");
        managerPat = emulator.issuePat(manager);
        emulator.grantManager(manager, sp);
        ClientSettings.Builder builder = ClientSettings.builder()
                .maxAttempts(3)
                .maxRetryTime(Duration.ofSeconds(5))
                .sleeper(NO_BACKOFF);
        if (baseClient != null) {
            builder.baseClient(baseClient);
        }
        settings = builder.build();
    }

    ClientSettings settings() {
        return settings;
    }

    DatabricksClient client(String pat) {
        return client(pat, settings);
    }

    DatabricksClient client(String pat, ClientSettings clientSettings) {
        return new DatabricksClient(
                WorkspaceUrl.parse(emulator.url()), DatabricksAuth.bearerToken(SecretValue.of(pat)), clientSettings);
    }

    /** The service principal acting on its own credentials. */
    Target own() {
        return new Target(client(spPat), null);
    }

    /** The manager acting on the service principal's credentials, named by applicationId. */
    Target managed() {
        return new Target(client(managerPat), sp.applicationId());
    }

    BitbucketClient bitbucket() {
        return new BitbucketClient(emulator.bitbucketApiUrl(), settings);
    }

    static BitbucketToken token(String value) {
        return BitbucketToken.of(value, "acme", "website");
    }

    static PushRequest keep(Target target, BitbucketToken token) {
        return new PushRequest(target, token, null, null, false, null, Duration.ofSeconds(5), "test", null);
    }

    static PushRequest lease(Target target, BitbucketToken token, String holder, Duration wait, List<String> progress) {
        return new PushRequest(target, token, null, null, true, null, wait, holder, progress::add);
    }

    List<StoredGitCredential> stored() {
        return emulator.gitCredentials(sp);
    }

    Optional<StoredGitCredential> storedBitbucket() {
        return stored().stream()
                .filter(c -> c.gitProvider().equalsIgnoreCase("bitbucketCloud"))
                .findFirst();
    }

    @Override
    public void close() {
        emulator.close();
    }
}

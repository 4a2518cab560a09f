package io.jenkins.plugins.databricksgit.core;

import static io.jenkins.plugins.databricksgit.core.DatabricksClientEmulatorTest.catchDatabricks;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.databricksgit.core.DatabricksException.Reason;
import io.jenkins.plugins.databricksgit.testkit.DatabricksEmulator;
import io.jenkins.plugins.databricksgit.testkit.EmulatedPrincipal;
import io.jenkins.plugins.databricksgit.testkit.Endpoint;
import io.jenkins.plugins.databricksgit.testkit.Fault;
import io.jenkins.plugins.databricksgit.testkit.OAuthClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OAuth M2M against the emulator's token endpoint: caching, refresh, and one fetch for many callers. */
class OAuthEmulatorTest {
    DatabricksEmulator emulator;
    EmulatedPrincipal sp;
    OAuthClient oauth;
    FakeSleeper clock;
    DatabricksClient client;

    @BeforeEach
    void start() {
        emulator = DatabricksEmulator.start();
        sp = emulator.addServicePrincipal("ci-bot");
        oauth = emulator.issueOAuthSecret(sp);
        clock = new FakeSleeper();
        client = client(DatabricksAuth.oauthClientCredentials(oauth.clientId(), SecretValue.of(oauth.clientSecret())));
    }

    DatabricksClient client(DatabricksAuth auth) {
        return new DatabricksClient(
                WorkspaceUrl.parse(emulator.url()),
                auth,
                ClientSettings.builder().sleeper(clock).build());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    int tokenFetches() {
        return emulator.requestCount(Endpoint.OAUTH_TOKEN);
    }

    @Test
    void authenticatesAsTheServicePrincipalAndCachesTheToken() throws Exception {
        assertThat(client.me()).isEqualTo(new Principal(sp.id(), sp.applicationId(), "ci-bot", true));
        client.listGitCredentials(null);
        client.me();
        assertThat(tokenFetches()).isEqualTo(1);
        assertThat(client.authDescription()).startsWith("OAuth client ").doesNotContain(oauth.clientSecret());
    }

    @Test
    void fiftyConcurrentCallersShareOneTokenFetch() throws Exception {
        emulator.inject(Endpoint.OAUTH_TOKEN, Fault.latency(Duration.ofMillis(300)));
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Principal>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return client.me();
                }));
            }
            go.countDown();
            for (Future<Principal> f : results) {
                assertThat(f.get(30, TimeUnit.SECONDS).id()).isEqualTo(sp.id());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(tokenFetches()).isEqualTo(1);
        assertThat(emulator.requestCount(Endpoint.SCIM_ME)).isEqualTo(50);
    }

    @Test
    void refreshesFortySecondsBeforeExpiry() throws Exception {
        client.me(); // default lifetime: one hour
        clock.advance(Duration.ofSeconds(3600 - 41));
        client.me();
        assertThat(tokenFetches()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        client.me();
        assertThat(tokenFetches()).isEqualTo(2);
    }

    @Test
    void shortLifetimesAreRefreshedAtHalfLife() throws Exception {
        emulator.setOAuthTokenLifetime(Duration.ofSeconds(10));
        client.me();
        clock.advance(Duration.ofSeconds(4));
        client.me();
        assertThat(tokenFetches()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        client.me();
        assertThat(tokenFetches()).isEqualTo(2);
    }

    @Test
    void tokenRejectedAsInvalidIsRefreshedOnceAndTheCallRepeated() throws Exception {
        client.me();
        emulator.expireAllOAuthTokens();
        GitCredential created = client.createGitCredential(
                new GitCredentialSpec("bitbucketCloud", "x-token-auth", SecretValue.of("ATCTabc123"), null, null),
                null);
        assertThat(created.id()).isPositive();
        assertThat(tokenFetches()).isEqualTo(2);
        assertThat(emulator.requestCount(Endpoint.GIT_CREDENTIALS_CREATE)).isEqualTo(2);
        assertThat(emulator.gitCredentials(sp)).hasSize(1);
    }

    @Test
    void tokenIsCachedPerAuthAcrossClients() throws Exception {
        DatabricksAuth auth =
                DatabricksAuth.oauthClientCredentials(oauth.clientId(), SecretValue.of(oauth.clientSecret()));
        client(auth).me();
        client(auth).me();
        assertThat(tokenFetches()).isEqualTo(1);
    }

    @Test
    void wrongSecretIsAnOAuthFailureWithoutTheSecret() {
        String wrong = "dose-wrong-secret-0123456789";
        DatabricksClient c = client(DatabricksAuth.oauthClientCredentials(oauth.clientId(), SecretValue.of(wrong)));
        DatabricksException e = catchDatabricks(c::me);
        assertThat(e.reason()).isEqualTo(Reason.OAUTH_FAILED);
        assertThat(e.getMessage())
                .contains("refused to issue an OAuth token")
                .contains("client secret")
                .doesNotContain(wrong)
                .doesNotContain(oauth.clientSecret());
        assertThat(emulator.requestCount(Endpoint.SCIM_ME)).isZero();
    }

    @Test
    void tokenEndpointRateLimitIsRetried() throws Exception {
        emulator.inject(Endpoint.OAUTH_TOKEN, Fault.rateLimited(2));
        assertThat(client.me().id()).isEqualTo(sp.id());
        assertThat(tokenFetches()).isEqualTo(2);
        assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(2));
    }
}

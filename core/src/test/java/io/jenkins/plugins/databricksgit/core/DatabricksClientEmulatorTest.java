package io.jenkins.plugins.databricksgit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.databricksgit.core.DatabricksException.Reason;
import io.jenkins.plugins.databricksgit.testkit.DatabricksEmulator;
import io.jenkins.plugins.databricksgit.testkit.EmulatedPrincipal;
import io.jenkins.plugins.databricksgit.testkit.Endpoint;
import io.jenkins.plugins.databricksgit.testkit.Fault;
import io.jenkins.plugins.databricksgit.testkit.StoredGitCredential;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Set;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against the stateful emulator: the rules of the real API, faults included. */
class DatabricksClientEmulatorTest {
    static final String GIT_TOKEN = "ATCTT3xFfGN0emulator-test-git-token";

    DatabricksEmulator emulator;
    EmulatedPrincipal sp;
    String spPat;
    FakeSleeper sleeper;
    ClientSettings settings;

    @BeforeEach
    void start() {
        emulator = DatabricksEmulator.start();
        sp = emulator.addServicePrincipal("ci-bot");
        spPat = emulator.issuePat(sp);
        sleeper = new FakeSleeper();
        settings = ClientSettings.builder().sleeper(sleeper).build();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    DatabricksClient client(String pat) {
        return new DatabricksClient(
                WorkspaceUrl.parse(emulator.url()), DatabricksAuth.bearerToken(SecretValue.of(pat)), settings);
    }

    static GitCredentialSpec spec(String token) {
        return new GitCredentialSpec("bitbucketCloud", "x-token-auth", SecretValue.of(token), null, "ci");
    }

    @Test
    void ownCredentialsLifecycle() throws Exception {
        DatabricksClient c = client(spPat);
        assertThat(c.me()).isEqualTo(new Principal(sp.id(), sp.applicationId(), "ci-bot", true));
        assertThat(c.listGitCredentials(null)).isEmpty();

        GitCredential created = c.createGitCredential(spec(GIT_TOKEN), null);
        assertThat(created.gitProvider()).isEqualToIgnoringCase("bitbucketCloud");
        assertThat(created.gitUsername()).isEqualTo("x-token-auth");
        assertThat(emulator.gitCredentials(sp))
                .singleElement()
                .extracting(StoredGitCredential::token)
                .isEqualTo(GIT_TOKEN);

        c.updateGitCredential(created.id(), spec(GIT_TOKEN + "2"), null);
        assertThat(emulator.gitCredentials(sp).get(0).token()).isEqualTo(GIT_TOKEN + "2");
        assertThat(c.getGitCredential(created.id(), null).id()).isEqualTo(created.id());
        assertThat(c.listGitCredentials(null)).extracting(GitCredential::id).containsExactly(created.id());

        c.deleteGitCredential(created.id(), null);
        assertThat(emulator.gitCredentials(sp)).isEmpty();
        DatabricksException gone = catchDatabricks(() -> c.deleteGitCredential(created.id(), null));
        assertThat(gone.reason()).isEqualTo(Reason.NOT_FOUND);
    }

    @Test
    void secondCreateForTheSameProviderIsAlreadyExists() throws Exception {
        DatabricksClient c = client(spPat);
        c.createGitCredential(spec(GIT_TOKEN), null);
        assertThat(catchDatabricks(() -> c.createGitCredential(spec(GIT_TOKEN), null))
                        .reason())
                .isEqualTo(Reason.ALREADY_EXISTS);
    }

    @Test
    void legacyOneCredentialPerUserIsAlreadyExists() throws Exception {
        emulator.setLegacyOneCredentialPerUser(true);
        DatabricksClient c = client(spPat);
        c.createGitCredential(new GitCredentialSpec("gitHub", "me", SecretValue.of("ghp_x123"), null, null), null);
        DatabricksException e = catchDatabricks(() -> c.createGitCredential(spec(GIT_TOKEN), null));
        assertThat(e.reason()).isEqualTo(Reason.ALREADY_EXISTS);
        assertThat(e.status()).isEqualTo(400);
    }

    @Test
    void managerModeWithPrincipalId() throws Exception {
        EmulatedPrincipal admin = emulator.addUser("admin@example.com", "Admin");
        emulator.grantManager(admin, sp);
        DatabricksClient c = client(emulator.issuePat(admin));
        Principal resolved = c.resolveServicePrincipal(sp.applicationId());
        assertThat(resolved.id()).isEqualTo(sp.id());
        assertThat(resolved.displayName()).isEqualTo("ci-bot");
        assertThat(c.resolveServicePrincipal(Long.toString(sp.id())).applicationId())
                .isEqualTo(sp.applicationId());

        GitCredential created = c.createGitCredential(spec(GIT_TOKEN), sp.id());
        assertThat(emulator.gitCredentials(sp)).hasSize(1);
        assertThat(emulator.gitCredentials(admin)).isEmpty();
        assertThat(c.listGitCredentials(sp.id())).hasSize(1);
        assertThat(c.listGitCredentials(null)).isEmpty();
        c.deleteGitCredential(created.id(), sp.id());
        assertThat(emulator.gitCredentials(sp)).isEmpty();
    }

    @Test
    void notAManagerGetsTheRoleExplained() {
        EmulatedPrincipal other = emulator.addUser("dev@example.com", "Dev");
        DatabricksClient c = client(emulator.issuePat(other));
        DatabricksException e = catchDatabricks(() -> c.createGitCredential(spec(GIT_TOKEN), sp.id()));
        assertThat(e.reason()).isEqualTo(Reason.NOT_SERVICE_PRINCIPAL_MANAGER);
        assertThat(e.getMessage()).contains("Service Principal Manager").contains(Long.toString(sp.id()));
        assertThat(emulator.gitCredentials(sp)).isEmpty();
    }

    @Test
    void unknownServicePrincipals() {
        DatabricksClient c = client(spPat);
        assertThat(catchDatabricks(() -> c.resolveServicePrincipal("00000000-0000-4000-8000-000000000000"))
                        .reason())
                .isEqualTo(Reason.NOT_FOUND);
        assertThat(catchDatabricks(() -> c.resolveServicePrincipal("42")).reason())
                .isEqualTo(Reason.NOT_FOUND);
    }

    @Test
    void revokedPatIsInvalidToken() {
        emulator.revokePat(spPat);
        DatabricksException e = catchDatabricks(() -> client(spPat).listGitCredentials(null));
        assertThat(e.reason()).isEqualTo(Reason.INVALID_TOKEN);
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.requestId()).isNotBlank();
    }

    @Test
    void unknownPatIsInvalidToken() {
        assertThat(catchDatabricks(() ->
                                client("dapi00000000000000000000000000000000").me())
                        .reason())
                .isEqualTo(Reason.INVALID_TOKEN);
    }

    @Test
    void rateLimitWithRetryAfterSecondsThenSuccess() throws Exception {
        emulator.inject(Endpoint.GIT_CREDENTIALS_CREATE, Fault.rateLimited(3).times(2));
        GitCredential created = client(spPat).createGitCredential(spec(GIT_TOKEN), null);
        assertThat(created.id()).isPositive();
        assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));
        assertThat(emulator.requestCount(Endpoint.GIT_CREDENTIALS_CREATE)).isEqualTo(3);
        assertThat(emulator.gitCredentials(sp)).hasSize(1);
    }

    @Test
    void rateLimitWithRetryAfterDateThenSuccess() throws Exception {
        emulator.inject(
                Endpoint.GIT_CREDENTIALS_LIST,
                Fault.rateLimitedUntil(sleeper.now().plusSeconds(20)));
        assertThat(client(spPat).listGitCredentials(null)).isEmpty();
        assertThat(sleeper.sleeps).singleElement().satisfies(d -> assertThat(d)
                .isBetween(Duration.ofSeconds(18), Duration.ofSeconds(20)));
    }

    @Test
    void persistentUnavailabilityGivesUpAfterMaxAttempts() {
        emulator.inject(Endpoint.GIT_CREDENTIALS_LIST, Fault.status(503).times(10));
        DatabricksException e = catchDatabricks(() -> client(spPat).listGitCredentials(null));
        assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(emulator.requestCount(Endpoint.GIT_CREDENTIALS_LIST)).isEqualTo(4);
    }

    @Test
    void droppedPostIsNotRepeatedAndNotApplied() {
        emulator.inject(Endpoint.GIT_CREDENTIALS_CREATE, Fault.dropConnection());
        DatabricksException e = catchDatabricks(() -> client(spPat).createGitCredential(spec(GIT_TOKEN), null));
        assertThat(e.outcomeUnknown()).isTrue();
        assertThat(emulator.requestCount(Endpoint.GIT_CREDENTIALS_CREATE)).isEqualTo(1);
        assertThat(emulator.gitCredentials(sp)).isEmpty();
    }

    @Test
    void postAppliedButAnswerLostIsReconcilableByListing() throws Exception {
        emulator.inject(Endpoint.GIT_CREDENTIALS_CREATE, Fault.dropConnectionAfterApplying());
        DatabricksClient c = client(spPat);
        DatabricksException e = catchDatabricks(() -> c.createGitCredential(spec(GIT_TOKEN), null));
        assertThat(e.outcomeUnknown()).isTrue();
        assertThat(emulator.requestCount(Endpoint.GIT_CREDENTIALS_CREATE)).isEqualTo(1);
        assertThat(c.listGitCredentials(null)).singleElement().satisfies(g -> assertThat(g.gitProvider())
                .isEqualToIgnoringCase("bitbucketCloud"));
    }

    @Test
    void malformedBodyOnCreateAsksForReconciliation() {
        emulator.inject(Endpoint.GIT_CREDENTIALS_CREATE, Fault.malformedBody());
        DatabricksException e = catchDatabricks(() -> client(spPat).createGitCredential(spec(GIT_TOKEN), null));
        assertThat(e.outcomeUnknown()).isTrue();
    }

    @Test
    void htmlAnswerIsNotAWorkspace() {
        emulator.inject(Endpoint.GIT_CREDENTIALS_LIST, Fault.html(404));
        DatabricksException e = catchDatabricks(() -> client(spPat).listGitCredentials(null));
        assertThat(e.reason()).isEqualTo(Reason.NOT_A_DATABRICKS_WORKSPACE);
    }

    @Test
    void httpsWithTrustedCertificate() throws Exception {
        try (DatabricksEmulator https = DatabricksEmulator.startHttps()) {
            EmulatedPrincipal p = https.addServicePrincipal("tls-bot");
            OkHttpClient trusting = new OkHttpClient.Builder()
                    .sslSocketFactory(https.clientSslSocketFactory(), https.clientTrustManager())
                    .build();
            DatabricksClient c = new DatabricksClient(
                    WorkspaceUrl.parse(https.url()),
                    DatabricksAuth.bearerToken(SecretValue.of(https.issuePat(p))),
                    settings.toBuilder().baseClient(trusting).build());
            assertThat(c.me().id()).isEqualTo(p.id());
        }
    }

    @Test
    void untrustedCertificateIsATlsFailure() {
        try (DatabricksEmulator https = DatabricksEmulator.startHttps()) {
            EmulatedPrincipal p = https.addServicePrincipal("tls-bot");
            String pat = https.issuePat(p);
            DatabricksClient c = new DatabricksClient(
                    WorkspaceUrl.parse(https.url()), DatabricksAuth.bearerToken(SecretValue.of(pat)), settings);
            DatabricksException e = catchDatabricks(c::me);
            assertThat(e.reason()).isEqualTo(Reason.TLS_FAILURE);
            assertThat(e.getMessage())
                    .contains("trusted TLS")
                    .contains("trust store")
                    .doesNotContain(pat);
            assertThat(sleeper.sleeps).isEmpty();
            assertThat(https.requestCount(Endpoint.SCIM_ME)).isZero();
        }
    }

    @Test
    void unknownHostIsNotRetried() {
        DatabricksClient c = new DatabricksClient(
                WorkspaceUrl.parse("https://no-such-workspace.invalid"),
                DatabricksAuth.bearerToken(SecretValue.of(spPat)),
                settings);
        DatabricksException e = catchDatabricks(c::me);
        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_HOST);
        assertThat(e.getMessage()).contains("no-such-workspace.invalid").contains("DNS");
        assertThat(sleeper.sleeps).isEmpty();
    }

    @Test
    void connectionRefusedIsRetriedEvenForPostThenReported() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        DatabricksClient c = new DatabricksClient(
                WorkspaceUrl.parse("http://127.0.0.1:" + port),
                DatabricksAuth.bearerToken(SecretValue.of(spPat)),
                settings);
        DatabricksException e = catchDatabricks(() -> c.createGitCredential(spec(GIT_TOKEN), null));
        assertThat(e.reason()).isEqualTo(Reason.CONNECTION_FAILED);
        assertThat(e.outcomeUnknown()).isFalse();
        assertThat(e.getMessage())
                .contains("Could not connect")
                .contains("after 4 attempts")
                .contains("refused")
                .contains("port " + port);
        assertThat(sleeper.sleeps).hasSize(3);
    }

    @Test
    void slowAnswerWithinTheReadTimeoutSucceeds() throws Exception {
        emulator.inject(Endpoint.SCIM_ME, Fault.latency(Duration.ofMillis(100)));
        assertThat(client(spPat).me().id()).isEqualTo(sp.id());
    }

    @Test
    void slowAnswerBeyondTheReadTimeoutIsATimeout() {
        settings = settings.toBuilder().readTimeout(Duration.ofMillis(150)).build();
        emulator.inject(Endpoint.GIT_CREDENTIALS_CREATE, Fault.latency(Duration.ofSeconds(2)));
        DatabricksException e = catchDatabricks(() -> client(spPat).createGitCredential(spec(GIT_TOKEN), null));
        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(e.outcomeUnknown()).isTrue();
        assertThat(emulator.requestCount(Endpoint.GIT_CREDENTIALS_CREATE)).isEqualTo(1);
    }

    @Test
    void bitbucketTokenChecks() {
        BitbucketClient bb = new BitbucketClient(emulator.bitbucketApiUrl(), settings);
        String good = emulator.addBitbucketRepositoryToken("acme", "app", Set.of("repository"));
        String noScope = emulator.addBitbucketRepositoryToken("acme", "app", Set.of("pullrequest"));
        String revoked = emulator.addBitbucketRepositoryToken("acme", "app", Set.of("repository"));
        emulator.revokeBitbucketToken(revoked);

        TokenCheck ok = bb.verify(BitbucketToken.of(good, "acme", "app"));
        assertThat(ok.status()).isEqualTo(TokenCheck.Status.VALID);
        assertThat(ok.valid()).isTrue();
        assertThat(bb.verify(BitbucketToken.of(revoked, "acme", "app")).status())
                .isEqualTo(TokenCheck.Status.INVALID_OR_EXPIRED);
        TokenCheck scope = bb.verify(BitbucketToken.of(noScope, "acme", "app"));
        assertThat(scope.status()).isEqualTo(TokenCheck.Status.MISSING_SCOPE);
        assertThat(scope.message()).contains("Repositories: Read");
        TokenCheck other = bb.verify(BitbucketToken.of(good, "acme", "other"));
        assertThat(other.status()).isEqualTo(TokenCheck.Status.REPOSITORY_NOT_VISIBLE);
        assertThat(other.message()).contains("acme/other");
        for (TokenCheck t : new TokenCheck[] {ok, scope, other}) {
            assertThat(t.message()).doesNotContain(good).doesNotContain(noScope);
        }
        assertThat(new BitbucketClient(emulator.bitbucketApiUrl() + "/", settings)
                        .verify(BitbucketToken.of(good, "acme", "app"))
                        .status())
                .as("a trailing slash on the API URL")
                .isEqualTo(TokenCheck.Status.VALID);
        assertThatThrownBy(() -> bb.verify(BitbucketToken.of(good, null, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bitbucketUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        BitbucketClient bb = new BitbucketClient("http://127.0.0.1:" + port, settings);
        TokenCheck t = bb.verify(BitbucketToken.of("ATCTxyz123", "acme", "app"));
        assertThat(t.status()).isEqualTo(TokenCheck.Status.UNREACHABLE);
        assertThat(t.message()).contains("Could not reach Bitbucket");
        assertThatThrownBy(() -> new BitbucketClient("http://api.example.com", settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https");
    }

    static DatabricksException catchDatabricks(org.junit.jupiter.api.function.Executable call) {
        try {
            call.execute();
        } catch (DatabricksException e) {
            return e;
        } catch (Throwable t) {
            throw new AssertionError("expected a DatabricksException", t);
        }
        throw new AssertionError("expected a DatabricksException, but the call succeeded");
    }
}

package io.jenkins.plugins.databricksgit.core;

import static io.jenkins.plugins.databricksgit.core.EngineFixture.keep;
import static io.jenkins.plugins.databricksgit.core.EngineFixture.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.databricksgit.testkit.EmulatedPrincipal;
import io.jenkins.plugins.databricksgit.testkit.Endpoint;
import io.jenkins.plugins.databricksgit.testkit.Fault;
import io.jenkins.plugins.databricksgit.testkit.OAuthClient;
import io.jenkins.plugins.databricksgit.testkit.StoredGitCredential;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The requests each operation costs, counted by the emulator: the figures docs/benchmarks.md states as goals. OAuth
 * token requests are counted apart ({@link #counts()} leaves them out). "Cold" is the first push of a new engine,
 * i.e. of a new JVM; "removal planned" is a push with a lease (the block form, {@code cleanup: true}, the freestyle
 * wrapper, the command-line tool's {@code run}); "kept" is a push without one.
 */
class RoundTripsTest {
    private EngineFixture fx;
    private GitCredentialEngine engine;
    private OAuthClient oauth;

    @BeforeEach
    void start() throws Exception {
        fx = new EngineFixture();
        engine = new GitCredentialEngine();
        oauth = fx.emulator.issueOAuthSecret(fx.sp);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    // --- cold pushes ---------------------------------------------------------------------------------------------

    @Test
    void coldPushWithOAuthAndRemovalPlannedToAPrincipalWithoutCredentialIsOneCreate() throws Exception {
        PushResult pushed = engine.push(lease(ownOAuth()));

        assertThat(counts()).isEqualTo(Map.of(Endpoint.GIT_CREDENTIALS_CREATE, 1));
        assertThat(fx.emulator.requestCount(Endpoint.OAUTH_TOKEN)).isEqualTo(1);
        assertThat(pushed.created()).isTrue();
        assertThat(fx.storedBitbucket()).map(StoredGitCredential::name).hasValueSatisfying(name -> assertThat(name)
                .startsWith(OwnershipTag.PREFIX));
    }

    @Test
    void coldPushWithAPersonalAccessTokenAndRemovalPlannedIsMePlusCreate() throws Exception {
        engine.push(lease(fx.own()));

        assertThat(counts()).isEqualTo(Map.of(Endpoint.SCIM_ME, 1, Endpoint.GIT_CREDENTIALS_CREATE, 1));
    }

    @Test
    void coldKeptPushWithOAuthWhenTheCredentialExistsIsListPlusUpdate() throws Exception {
        existingCredential();

        PushResult pushed = engine.push(keep(ownOAuth(), token("ATCTT3xFfGN0second")));

        assertThat(counts()).isEqualTo(Map.of(Endpoint.GIT_CREDENTIALS_LIST, 1, Endpoint.GIT_CREDENTIALS_UPDATE, 1));
        assertThat(pushed.created()).isFalse();
    }

    @Test
    void coldKeptPushWithAPersonalAccessTokenWhenTheCredentialExistsAddsOneMe() throws Exception {
        existingCredential();

        engine.push(keep(fx.own(), token("ATCTT3xFfGN0second")));

        assertThat(counts())
                .isEqualTo(Map.of(
                        Endpoint.SCIM_ME, 1, Endpoint.GIT_CREDENTIALS_LIST, 1, Endpoint.GIT_CREDENTIALS_UPDATE, 1));
    }

    @Test
    void createFirstFallsBackToListAndUpdateWhenTheCredentialExists() throws Exception {
        long existing = existingCredential();

        PushResult pushed = engine.push(lease(ownOAuth()));

        assertThat(counts())
                .isEqualTo(Map.of(
                        Endpoint.GIT_CREDENTIALS_CREATE,
                        1,
                        Endpoint.GIT_CREDENTIALS_LIST,
                        1,
                        Endpoint.GIT_CREDENTIALS_UPDATE,
                        1));
        assertThat(pushed.credentialId()).isEqualTo(existing);
        assertThat(pushed.created()).isFalse();
        assertThat(fx.stored())
                .singleElement()
                .extracting(StoredGitCredential::token)
                .isEqualTo("ATCTT3xFfGN0lease");
    }

    @Test
    void createFirstFallsBackOnTheLegacyOneCredentialPerUserAnswer() throws Exception {
        long existing = existingCredential();
        fx.emulator.setLegacyOneCredentialPerUser(true);

        PushResult pushed = engine.push(lease(ownOAuth()));

        assertThat(fx.emulator.requestCount(Endpoint.GIT_CREDENTIALS_CREATE)).isEqualTo(1);
        assertThat(pushed.credentialId()).isEqualTo(existing);
        assertThat(fx.stored())
                .singleElement()
                .extracting(StoredGitCredential::token)
                .isEqualTo("ATCTT3xFfGN0lease");
    }

    @Test
    void anUnansweredCreateOnTheCreateFirstPathIsReconciledByListingNotRepeated() throws Exception {
        fx.emulator.inject(Endpoint.GIT_CREDENTIALS_CREATE, Fault.dropConnectionAfterApplying());

        PushResult pushed = engine.push(lease(ownOAuth()));

        assertThat(fx.emulator.requestCount(Endpoint.GIT_CREDENTIALS_CREATE)).isEqualTo(1);
        assertThat(fx.emulator.requestCount(Endpoint.GIT_CREDENTIALS_LIST)).isEqualTo(1);
        assertThat(fx.stored()).hasSize(1);
        assertThat(fx.storedBitbucket().orElseThrow().name())
                .as("the ownership tag is written by the reconciling update too")
                .isEqualTo(pushed.lease().credentialName())
                .startsWith(OwnershipTag.PREFIX);
    }

    @Test
    void aCreateLostBeforeItWasAppliedIsSentAgainOnlyAfterAListShowsNothing() throws Exception {
        fx.emulator.inject(Endpoint.GIT_CREDENTIALS_CREATE, Fault.dropConnection());

        engine.push(lease(ownOAuth()));

        assertThat(fx.emulator.requestCount(Endpoint.GIT_CREDENTIALS_CREATE)).isEqualTo(2);
        assertThat(fx.emulator.requestCount(Endpoint.GIT_CREDENTIALS_LIST)).isEqualTo(2);
        assertThat(fx.stored()).hasSize(1);
    }

    @Test
    void aKeptPushStillListsFirst() throws Exception {
        engine.push(keep(ownOAuth(), token("ATCTT3xFfGN0kept")));

        assertThat(counts()).isEqualTo(Map.of(Endpoint.GIT_CREDENTIALS_LIST, 1, Endpoint.GIT_CREDENTIALS_CREATE, 1));
    }

    @Test
    void aUsersPushListsFirstEvenWithRemovalPlannedSinceAUserMayHoldSeveralCredentials() throws Exception {
        EmulatedPrincipal user = fx.emulator.addUser("dev@example.com", "Dev");
        Target own = new Target(fx.client(fx.emulator.issuePat(user)), null);
        engine.push(keep(own, token("ATCTT3xFfGN0first")));
        fx.emulator.resetCounts();

        new GitCredentialEngine().push(lease(own));

        assertThat(fx.emulator.gitCredentials(user)).hasSize(1);
        assertThat(fx.emulator.requestCount(Endpoint.GIT_CREDENTIALS_CREATE)).isZero();
    }

    @Test
    void coldManagerPushByNumericIdNeedsNoLookUp() throws Exception {
        engine.push(lease(byNumericId()));
        assertThat(counts()).isEqualTo(Map.of(Endpoint.GIT_CREDENTIALS_CREATE, 1));

        GitCredentialEngine another = new GitCredentialEngine();
        fx.emulator.resetCounts();
        another.push(keep(byNumericId(), token("ATCTT3xFfGN0kept")));
        assertThat(counts()).isEqualTo(Map.of(Endpoint.GIT_CREDENTIALS_LIST, 1, Endpoint.GIT_CREDENTIALS_UPDATE, 1));
    }

    @Test
    void coldManagerPushByApplicationIdAddsOneLookUp() throws Exception {
        engine.push(lease(fx.managed()));
        assertThat(counts()).isEqualTo(Map.of(Endpoint.SCIM_SERVICE_PRINCIPALS, 1, Endpoint.GIT_CREDENTIALS_CREATE, 1));

        GitCredentialEngine another = new GitCredentialEngine();
        fx.emulator.resetCounts();
        another.push(keep(fx.managed(), token("ATCTT3xFfGN0kept")));
        assertThat(counts())
                .isEqualTo(Map.of(
                        Endpoint.SCIM_SERVICE_PRINCIPALS,
                        1,
                        Endpoint.GIT_CREDENTIALS_LIST,
                        1,
                        Endpoint.GIT_CREDENTIALS_UPDATE,
                        1));
    }

    @Test
    void aNumericIdThatIsNoServicePrincipalFailsOnTheWriteWithAMessageNamingTheId() {
        Target unknown = new Target(fx.client(fx.managerPat), "999999999");

        assertThatThrownBy(() -> engine.push(lease(unknown)))
                .isInstanceOfSatisfying(DatabricksException.class, e -> assertThat(e.reason())
                        .isEqualTo(DatabricksException.Reason.NOT_SERVICE_PRINCIPAL_MANAGER))
                .hasMessageContaining("service principal 999999999")
                .hasMessageContaining("no service principal has that numeric id");
        assertThat(counts()).isEqualTo(Map.of(Endpoint.GIT_CREDENTIALS_CREATE, 1));
    }

    // --- warm pushes and look-ups per JVM ------------------------------------------------------------------------

    @Test
    void aWarmPushIsOneUpdateInEveryMode() throws Exception {
        for (Target target : List.of(ownOAuth(), fx.own(), byNumericId(), fx.managed())) {
            GitCredentialEngine fresh = new GitCredentialEngine();
            fresh.push(keep(target, token("ATCTT3xFfGN0first")));
            fx.emulator.resetCounts();

            fresh.push(keep(target, token("ATCTT3xFfGN0second")));

            assertThat(counts()).as("%s", target).isEqualTo(Map.of(Endpoint.GIT_CREDENTIALS_UPDATE, 1));
        }
    }

    @Test
    void aPersonalAccessTokensOwnerIsAskedOncePerEngineWhateverTheClient() throws Exception {
        // Jenkins builds a client per build: the look-up belongs to the token, not to the client object.
        engine.push(keep(new Target(fx.client(fx.spPat), null), token("ATCTT3xFfGN0first")));
        engine.push(keep(new Target(fx.client(fx.spPat), null), token("ATCTT3xFfGN0second")));

        assertThat(fx.emulator.requestCount(Endpoint.SCIM_ME)).isEqualTo(1);
    }

    @Test
    void oneOAuthTokenServesEveryPushOfItsLifetime() throws Exception {
        Target target = ownOAuth();
        for (int i = 0; i < 20; i++) {
            engine.push(keep(target, token("ATCTT3xFfGN0push" + i)));
        }

        assertThat(fx.emulator.requestCount(Endpoint.OAUTH_TOKEN)).isEqualTo(1);
    }

    // --- removal -------------------------------------------------------------------------------------------------

    @Test
    void releasingALeaseReadsTheCredentialThenDeletesIt() throws Exception {
        for (Target target : List.of(ownOAuth(), fx.own(), byNumericId(), fx.managed())) {
            GitCredentialEngine fresh = new GitCredentialEngine();
            PushResult pushed = fresh.push(lease(target));
            fx.emulator.resetCounts();

            RemoveResult removed = fresh.release(pushed.lease(), target.client());

            assertThat(removed.outcome()).isEqualTo(RemoveResult.Outcome.REMOVED);
            assertThat(counts())
                    .as("%s", target)
                    .isEqualTo(Map.of(Endpoint.GIT_CREDENTIALS_GET, 1, Endpoint.GIT_CREDENTIALS_DELETE, 1));
        }
    }

    @Test
    void releasingALeaseWhoseCredentialIsGoneIsOneRead() throws Exception {
        PushResult pushed = engine.push(lease(ownOAuth()));
        fx.client(fx.spPat).deleteGitCredential(pushed.credentialId(), null);
        fx.emulator.resetCounts();

        RemoveResult removed = engine.release(pushed.lease(), ownOAuth().client());

        assertThat(removed.outcome()).isEqualTo(RemoveResult.Outcome.ALREADY_GONE);
        assertThat(counts()).isEqualTo(Map.of(Endpoint.GIT_CREDENTIALS_GET, 1));
    }

    @Test
    void aLeaseNoNameCanVouchForIsDeletedWithoutTheUselessRead() throws Exception {
        PushResult pushed = engine.push(lease(fx.own()));
        Lease l = pushed.lease();
        // As recorded before names were written, restored into an engine that never wrote a name.
        Lease legacy = new Lease(
                l.workspaceUrl(),
                l.principalId(),
                l.principalName(),
                l.gitProvider(),
                l.credentialId(),
                l.holderId(),
                l.holder(),
                l.tokenFingerprint(),
                null,
                null,
                false);
        GitCredentialEngine afterRestart = new GitCredentialEngine();
        afterRestart.restore(legacy);
        fx.emulator.resetCounts();

        RemoveResult removed = afterRestart.release(legacy, fx.own().client());

        assertThat(removed.outcome()).isEqualTo(RemoveResult.Outcome.REMOVED);
        assertThat(fx.emulator.requestCount(Endpoint.GIT_CREDENTIALS_GET)).isZero();
        assertThat(fx.emulator.requestCount(Endpoint.GIT_CREDENTIALS_DELETE)).isEqualTo(1);
    }

    @Test
    void anExplicitRemovalByIdIsOneDelete() throws Exception {
        PushResult pushed = engine.push(keep(byNumericId(), token("ATCTT3xFfGN0kept")));
        fx.emulator.resetCounts();

        engine.remove(byNumericId(), pushed.credentialId());

        assertThat(counts()).isEqualTo(Map.of(Endpoint.GIT_CREDENTIALS_DELETE, 1));
    }

    // --- one principal, two identities ---------------------------------------------------------------------------

    @Test
    void anOAuthPushAndAManagersPushByNumericIdShareTheLeasesOfOnePrincipal() throws Exception {
        PushResult own = engine.push(lease(ownOAuth()));
        fx.emulator.resetCounts();

        // The manager names the same principal by numeric id: one look-up ties the two identities together, and the
        // push with another token waits for the OAuth push's lease instead of overwriting it.
        assertThatThrownBy(() -> engine.push(new PushRequest(
                        byNumericId(), token("ATCTT3xFfGN0other"), null, null, true, null, Duration.ZERO, "b", null)))
                .isInstanceOf(LeaseWaitTimeoutException.class);
        assertThat(counts()).isEqualTo(Map.of(Endpoint.SCIM_SERVICE_PRINCIPAL, 1));

        PushResult shared = engine.push(lease(byNumericId()));
        assertThat(shared.credentialId()).isEqualTo(own.credentialId());
        assertThat(engine.release(own.lease(), ownOAuth().client()).outcome()).isEqualTo(RemoveResult.Outcome.KEPT);
        assertThat(engine.release(shared.lease(), byNumericId().client()).outcome())
                .isEqualTo(RemoveResult.Outcome.REMOVED);
        assertThat(fx.stored()).isEmpty();
        assertThat(fx.emulator.requestCount(Endpoint.SCIM_SERVICE_PRINCIPAL)).isEqualTo(1);
        assertThat(fx.emulator.requestCount(Endpoint.SCIM_ME)).isZero();
    }

    @Test
    void aManagersPushByNumericIdAndThenAnOAuthPushShareTheLeasesOfOnePrincipal() throws Exception {
        PushResult managed = engine.push(lease(byNumericId()));
        fx.emulator.resetCounts();

        assertThatThrownBy(() -> engine.push(new PushRequest(
                        ownOAuth(), token("ATCTT3xFfGN0other"), null, null, true, null, Duration.ZERO, "b", null)))
                .isInstanceOf(LeaseWaitTimeoutException.class);
        assertThat(counts()).isEqualTo(Map.of(Endpoint.SCIM_ME, 1));

        PushResult own = engine.push(lease(ownOAuth()));
        assertThat(own.credentialId()).isEqualTo(managed.credentialId());
        assertThat(engine.release(managed.lease(), byNumericId().client()).outcome())
                .isEqualTo(RemoveResult.Outcome.KEPT);
        assertThat(engine.release(own.lease(), ownOAuth().client()).outcome()).isEqualTo(RemoveResult.Outcome.REMOVED);
        assertThat(fx.stored()).isEmpty();
    }

    @Test
    void aPrincipalsPersonalAccessTokenAndItsOAuthSecretShareItsLeasesWithoutAnExtraLookUp() throws Exception {
        PushResult pat = engine.push(lease(fx.own()));
        fx.emulator.resetCounts();

        PushResult viaOAuth = engine.push(lease(ownOAuth()));

        // /Me of the token already told both identities: the OAuth push joins the same slot at once (one update).
        assertThat(counts()).isEqualTo(Map.of(Endpoint.GIT_CREDENTIALS_UPDATE, 1));
        assertThat(viaOAuth.credentialId()).isEqualTo(pat.credentialId());
        assertThat(engine.release(pat.lease(), fx.own().client()).outcome()).isEqualTo(RemoveResult.Outcome.KEPT);
    }

    @Test
    void differentPrincipalsByTheTwoKindsOfIdentityKeepSeparateSlots() throws Exception {
        EmulatedPrincipal other = fx.emulator.addServicePrincipal("other-bot");
        fx.emulator.grantManager(fx.manager, other);
        engine.push(lease(ownOAuth()));

        PushResult managed = engine.push(new PushRequest(
                new Target(fx.client(fx.managerPat), Long.toString(other.id())),
                token("ATCTT3xFfGN0other"),
                null,
                null,
                true,
                null,
                Duration.ZERO,
                "b",
                null));

        assertThat(managed.created()).isTrue();
        assertThat(fx.emulator.gitCredentials(other)).hasSize(1);
        assertThat(fx.stored()).hasSize(1);
    }

    // --- after a restart -----------------------------------------------------------------------------------------

    @Test
    void whatWasLearntSurvivesARestartSoThatPushesAreOneUpdateAgain() throws Exception {
        for (Target target : List.of(fx.own(), fx.managed(), ownOAuth())) {
            GitCredentialEngine before = new GitCredentialEngine();
            before.push(keep(target, token("ATCTT3xFfGN0first")));
            List<KnownPrincipal> principals = before.knownPrincipals();
            List<KnownCredential> credentials = before.knownCredentials();

            GitCredentialEngine after = new GitCredentialEngine();
            principals.forEach(after::restore);
            credentials.forEach(after::restore);
            fx.emulator.resetCounts();
            after.push(keep(target, token("ATCTT3xFfGN0second")));

            assertThat(counts()).as("%s", target).isEqualTo(Map.of(Endpoint.GIT_CREDENTIALS_UPDATE, 1));
        }
    }

    @Test
    void persistedLookUpsHoldNoSecret() throws Exception {
        engine.push(keep(fx.own(), token("ATCTT3xFfGN0first")));
        engine.push(keep(fx.managed(), token("ATCTT3xFfGN0first")));

        assertThat(engine.knownPrincipals().toString())
                .doesNotContain(fx.spPat, fx.managerPat, oauth.clientSecret(), "ATCTT3xFfGN0first")
                .contains(fx.sp.applicationId());
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** Requests per endpoint, OAuth token requests left out. */
    private Map<Endpoint, Integer> counts() {
        Map<Endpoint, Integer> counts = new EnumMap<>(Endpoint.class);
        fx.emulator.requestCounts().forEach((endpoint, n) -> {
            if (n > 0 && endpoint != Endpoint.OAUTH_TOKEN) {
                counts.put(endpoint, n);
            }
        });
        return counts;
    }

    private Target ownOAuth() {
        return new Target(
                new DatabricksClient(
                        WorkspaceUrl.parse(fx.emulator.url()),
                        DatabricksAuth.oauthClientCredentials(oauth.clientId(), SecretValue.of(oauth.clientSecret())),
                        fx.settings()),
                null);
    }

    private Target byNumericId() {
        return new Target(fx.client(fx.managerPat), Long.toString(fx.sp.id()));
    }

    private static PushRequest lease(Target target) {
        return new PushRequest(
                target, token("ATCTT3xFfGN0lease"), null, null, true, null, Duration.ofSeconds(5), "a build", null);
    }

    /** A credential written beforehand by someone else; the counts start after it. */
    private long existingCredential() throws DatabricksException {
        GitCredential c = fx.client(fx.spPat)
                .createGitCredential(
                        new GitCredentialSpec(
                                GitCredentialEngine.GIT_PROVIDER,
                                GitCredentialEngine.GIT_USERNAME,
                                SecretValue.of("ATCTT3xFfGN0before"),
                                null,
                                "by hand"),
                        null);
        fx.emulator.resetCounts();
        return c.id();
    }
}

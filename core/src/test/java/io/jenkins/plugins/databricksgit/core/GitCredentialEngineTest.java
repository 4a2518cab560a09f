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
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitCredentialEngineTest {
    private EngineFixture fx;
    private final GitCredentialEngine engine = new GitCredentialEngine();

    @BeforeEach
    void start() throws Exception {
        fx = new EngineFixture();
    }

    @AfterEach
    void stop() throws Exception {
        fx.close();
    }

    @Test
    void createsCredentialWithFixedUsernameAndProvider() throws Exception {
        PushResult result = engine.push(new PushRequest(
                fx.own(),
                token("ATCTT3xFfGN0first"),
                "jenkins",
                "ci@example.com",
                false,
                null,
                Duration.ofSeconds(1),
                "job #1",
                null));

        assertThat(result.created()).isTrue();
        assertThat(result.lease()).isNull();
        assertThat(result.principal().id()).isEqualTo(fx.sp.id());
        assertThat(result.principal().displayName()).isEqualTo("deploy-bot");
        assertThat(result.workspaceUrl()).isEqualTo(fx.emulator.url().replaceAll("/$", ""));
        assertThat(fx.stored())
                .containsExactly(new StoredGitCredential(
                        result.credentialId(),
                        "bitbucketCloud",
                        "x-token-auth",
                        "ci@example.com",
                        "jenkins",
                        "ATCTT3xFfGN0first"));
    }

    @Test
    void updatesTheExistingCredentialInPlace() throws Exception {
        PushResult first = engine.push(keep(fx.own(), token("ATCTT3xFfGN0first")));
        fx.emulator.resetCounts();

        // A fresh engine knows no id, as after a controller restart: it lists, then updates.
        PushResult second = new GitCredentialEngine().push(keep(fx.own(), token("ATCTT3xFfGN0second")));

        assertThat(second.created()).isFalse();
        assertThat(second.credentialId()).isEqualTo(first.credentialId());
        assertThat(fx.stored()).singleElement().satisfies(c -> {
            assertThat(c.token()).isEqualTo("ATCTT3xFfGN0second");
            assertThat(c.gitUsername()).isEqualTo("x-token-auth");
        });
        assertThat(fx.emulator.requestCount(Endpoint.GIT_CREDENTIALS_CREATE)).isZero();
        assertThat(fx.emulator.requestCount(Endpoint.GIT_CREDENTIALS_UPDATE)).isEqualTo(1);
    }

    @Test
    void updatesACredentialWhoseProviderIsSpelledDifferently() throws Exception {
        DatabricksClient client = fx.client(fx.spPat);
        GitCredential existing = client.createGitCredential(
                new GitCredentialSpec("BITBUCKETCLOUD", "x-token-auth", SecretValue.of("ATCTT3xFfGN0old"), null, null),
                null);

        PushResult result = engine.push(keep(new Target(client, null), token("ATCTT3xFfGN0new")));

        assertThat(result.created()).isFalse();
        assertThat(result.credentialId()).isEqualTo(existing.id());
        assertThat(fx.stored())
                .singleElement()
                .extracting(StoredGitCredential::token)
                .isEqualTo("ATCTT3xFfGN0new");
    }

    @Test
    void leavesOtherProvidersCredentialsUntouched() throws Exception {
        DatabricksClient client = fx.client(fx.spPat);
        GitCredential github = client.createGitCredential(
                new GitCredentialSpec("gitHub", "octocat", SecretValue.of("ghp_other"), "o@example.com", "gh"), null);

        PushResult pushed = engine.push(keep(new Target(client, null), token("ATCTT3xFfGN0mine")));
        RemoveResult removed = engine.removeBitbucketCredential(new Target(client, null));

        assertThat(pushed.credentialId()).isNotEqualTo(github.id());
        assertThat(removed.outcome()).isEqualTo(RemoveResult.Outcome.REMOVED);
        assertThat(removed.credentialId()).isEqualTo(pushed.credentialId());
        assertThat(fx.stored())
                .containsExactly(
                        new StoredGitCredential(github.id(), "gitHub", "octocat", "o@example.com", "gh", "ghp_other"));
    }

    @Test
    void createAnsweredAlreadyExistsFallsBackToUpdate() throws Exception {
        // Another tool creates the credential between our list and our create: Databricks answers 409.
        fx.close();
        AtomicBoolean raced = new AtomicBoolean();
        fx = new EngineFixture(racingCreator(raced));
        fx.emulator.resetCounts();

        PushResult result = engine.push(keep(fx.own(), token("ATCTT3xFfGN0ours")));

        assertThat(raced).isTrue();
        assertThat(result.created()).isFalse();
        assertThat(fx.stored()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(result.credentialId());
            assertThat(c.token()).isEqualTo("ATCTT3xFfGN0ours");
        });
        // The racer's create and ours, then list + update: never a second create of ours.
        assertThat(fx.emulator.requestCount(Endpoint.GIT_CREDENTIALS_CREATE)).isEqualTo(2);
        assertThat(fx.emulator.requestCount(Endpoint.GIT_CREDENTIALS_UPDATE)).isEqualTo(1);
    }

    @Test
    void legacyInvalidStateAnswerFallsBackToUpdate() throws Exception {
        fx.close();
        AtomicBoolean raced = new AtomicBoolean();
        fx = new EngineFixture(racingCreator(raced));
        fx.emulator.setLegacyOneCredentialPerUser(true);

        PushResult result = engine.push(keep(fx.own(), token("ATCTT3xFfGN0ours")));

        assertThat(raced).isTrue();
        assertThat(result.created()).isFalse();
        assertThat(fx.stored())
                .singleElement()
                .extracting(StoredGitCredential::token)
                .isEqualTo("ATCTT3xFfGN0ours");
    }

    @Test
    void legacyWorkspaceWithAnotherProvidersCredentialFailsWithoutTouchingIt() throws Exception {
        fx.emulator.setLegacyOneCredentialPerUser(true);
        DatabricksClient client = fx.client(fx.spPat);
        GitCredential github = client.createGitCredential(
                new GitCredentialSpec("gitHub", "octocat", SecretValue.of("ghp_other"), null, null), null);
        fx.emulator.resetCounts();

        assertThatThrownBy(() -> engine.push(keep(new Target(client, null), token("ATCTT3xFfGN0ours"))))
                .isInstanceOf(DatabricksException.class)
                .hasMessageContaining("only one Git credential per user")
                .hasMessageContaining("gitHub credential (id " + github.id() + ")")
                .hasMessageContaining("left untouched");

        assertThat(fx.stored())
                .containsExactly(new StoredGitCredential(github.id(), "gitHub", "octocat", null, null, "ghp_other"));
        assertThat(fx.emulator.requestCount(Endpoint.GIT_CREDENTIALS_UPDATE)).isZero();
        assertThat(fx.emulator.requestCount(Endpoint.GIT_CREDENTIALS_DELETE)).isZero();
    }

    @Test
    void createWhoseAnswerIsLostIsReconciledByListing() throws Exception {
        fx.emulator.inject(Endpoint.GIT_CREDENTIALS_CREATE, Fault.dropConnectionAfterApplying());

        PushResult result = engine.push(keep(fx.own(), token("ATCTT3xFfGN0ours")));

        assertThat(result.created()).isTrue();
        assertThat(fx.stored()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(result.credentialId());
            assertThat(c.token()).isEqualTo("ATCTT3xFfGN0ours");
        });
        assertThat(fx.emulator.requestCount(Endpoint.GIT_CREDENTIALS_CREATE)).isEqualTo(1);
    }

    @Test
    void createLostBeforeBeingAppliedIsMadeAgainAfterListing() throws Exception {
        fx.emulator.inject(Endpoint.GIT_CREDENTIALS_CREATE, Fault.dropConnection());

        PushResult result = engine.push(keep(fx.own(), token("ATCTT3xFfGN0ours")));

        assertThat(result.created()).isTrue();
        assertThat(fx.stored())
                .singleElement()
                .extracting(StoredGitCredential::id)
                .isEqualTo(result.credentialId());
        assertThat(fx.emulator.requestCount(Endpoint.GIT_CREDENTIALS_CREATE)).isEqualTo(2);
    }

    @Test
    void knownIdCostsOneRoundTripInOwnMode() throws Exception {
        Target own = fx.own();
        engine.push(keep(own, token("ATCTT3xFfGN0first")));
        fx.emulator.resetCounts();

        PushResult again = engine.push(keep(own, token("ATCTT3xFfGN0second")));

        assertThat(again.created()).isFalse();
        assertThat(totalRequests()).isEqualTo(1);
        assertThat(fx.emulator.requestCount(Endpoint.GIT_CREDENTIALS_UPDATE)).isEqualTo(1);
        assertThat(fx.storedBitbucket())
                .get()
                .extracting(StoredGitCredential::token)
                .isEqualTo("ATCTT3xFfGN0second");
    }

    @Test
    void knownIdCostsOneRoundTripInManagerMode() throws Exception {
        Target managed = fx.managed();
        engine.push(keep(managed, token("ATCTT3xFfGN0first")));
        fx.emulator.resetCounts();

        engine.push(keep(managed, token("ATCTT3xFfGN0second")));

        assertThat(totalRequests()).isEqualTo(1);
        assertThat(fx.emulator.requestCount(Endpoint.GIT_CREDENTIALS_UPDATE)).isEqualTo(1);
    }

    @Test
    void knownIdThatWasDeletedMeanwhileIsRecreated() throws Exception {
        Target own = fx.own();
        PushResult first = engine.push(keep(own, token("ATCTT3xFfGN0first")));
        own.client().deleteGitCredential(first.credentialId(), null);

        PushResult second = engine.push(keep(own, token("ATCTT3xFfGN0second")));

        assertThat(second.created()).isTrue();
        assertThat(second.credentialId()).isNotEqualTo(first.credentialId());
        assertThat(fx.stored()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(second.credentialId());
            assertThat(c.token()).isEqualTo("ATCTT3xFfGN0second");
        });
    }

    @Test
    void knownIdReplacedByAnotherToolIsFoundByListing() throws Exception {
        Target own = fx.own();
        PushResult first = engine.push(keep(own, token("ATCTT3xFfGN0first")));
        own.client().deleteGitCredential(first.credentialId(), null);
        GitCredential other = own.client()
                .createGitCredential(
                        new GitCredentialSpec(
                                "bitbucketCloud", "x-token-auth", SecretValue.of("ATCTT3xFfGN0tool"), null, null),
                        null);

        PushResult second = engine.push(keep(own, token("ATCTT3xFfGN0second")));

        assertThat(second.created()).isFalse();
        assertThat(second.credentialId()).isEqualTo(other.id());
        assertThat(fx.stored())
                .singleElement()
                .extracting(StoredGitCredential::token)
                .isEqualTo("ATCTT3xFfGN0second");
    }

    @Test
    void removeDeletesByIdAndReportsAlreadyGoneTheSecondTime() throws Exception {
        Target managed = fx.managed();
        PushResult pushed = engine.push(keep(managed, token("ATCTT3xFfGN0first")));

        RemoveResult removed = engine.remove(managed, pushed.credentialId());
        RemoveResult again = engine.remove(managed, pushed.credentialId());

        assertThat(removed).isEqualTo(new RemoveResult(pushed.credentialId(), RemoveResult.Outcome.REMOVED));
        assertThat(again).isEqualTo(new RemoveResult(pushed.credentialId(), RemoveResult.Outcome.ALREADY_GONE));
        assertThat(fx.stored()).isEmpty();
    }

    @Test
    void removingTheBitbucketCredentialWhenThereIsNoneIsAlreadyGone() throws Exception {
        RemoveResult result = engine.removeBitbucketCredential(fx.own());

        assertThat(result.outcome()).isEqualTo(RemoveResult.Outcome.ALREADY_GONE);
        assertThat(fx.emulator.requestCount(Endpoint.GIT_CREDENTIALS_DELETE)).isZero();
    }

    @Test
    void pushAfterRemovalCreatesAgain() throws Exception {
        Target own = fx.own();
        PushResult first = engine.push(keep(own, token("ATCTT3xFfGN0first")));
        engine.removeBitbucketCredential(own);

        PushResult second = engine.push(keep(own, token("ATCTT3xFfGN0second")));

        assertThat(second.created()).isTrue();
        assertThat(second.credentialId()).isNotEqualTo(first.credentialId());
        assertThat(fx.stored())
                .singleElement()
                .extracting(StoredGitCredential::token)
                .isEqualTo("ATCTT3xFfGN0second");
    }

    @Test
    void managerModeByApplicationIdWritesTheServicePrincipalsCredential() throws Exception {
        PushResult result = engine.push(keep(fx.managed(), token("ATCTT3xFfGN0first")));

        assertThat(result.principal().id()).isEqualTo(fx.sp.id());
        assertThat(result.principal().applicationId()).isEqualTo(fx.sp.applicationId());
        assertThat(fx.stored())
                .singleElement()
                .extracting(StoredGitCredential::token)
                .isEqualTo("ATCTT3xFfGN0first");
        assertThat(fx.emulator.gitCredentials(fx.manager)).isEmpty();
    }

    @Test
    void managerModeByNumericIdWritesTheServicePrincipalsCredential() throws Exception {
        Target byId = new Target(fx.client(fx.managerPat), Long.toString(fx.sp.id()));

        PushResult result = engine.push(keep(byId, token("ATCTT3xFfGN0first")));
        RemoveResult removed = engine.remove(byId, result.credentialId());

        assertThat(result.principal().id()).isEqualTo(fx.sp.id());
        assertThat(removed.outcome()).isEqualTo(RemoveResult.Outcome.REMOVED);
        assertThat(fx.stored()).isEmpty();
        assertThat(fx.emulator.gitCredentials(fx.manager)).isEmpty();
    }

    @Test
    void ownModeWritesTheCallersCredentialWithoutPrincipalId() throws Exception {
        // The emulator rejects principal_id from a principal that does not manage itself, so success proves it
        // was not sent.
        PushResult result = engine.push(keep(fx.own(), token("ATCTT3xFfGN0first")));

        assertThat(result.principal().id()).isEqualTo(fx.sp.id());
        assertThat(fx.stored()).hasSize(1);
    }

    @Test
    void ownModeWorksWithOAuthClientCredentials() throws Exception {
        OAuthClient oauth = fx.emulator.issueOAuthSecret(fx.sp);
        DatabricksClient client = new DatabricksClient(
                WorkspaceUrl.parse(fx.emulator.url()),
                DatabricksAuth.oauthClientCredentials(oauth.clientId(), SecretValue.of(oauth.clientSecret())),
                fx.settings());
        Target own = new Target(client, null);

        PushResult pushed = engine.push(keep(own, token("ATCTT3xFfGN0first")));
        fx.emulator.resetCounts();
        engine.push(keep(own, token("ATCTT3xFfGN0second")));

        // The OAuth client id is the service principal's applicationId: nobody had to ask whose credential it is.
        assertThat(pushed.principal().applicationId()).isEqualToIgnoringCase(fx.sp.applicationId());
        assertThat(pushed.principal().id()).isZero();
        assertThat(fx.emulator.requestCount(Endpoint.SCIM_ME)).isZero();
        assertThat(fx.emulator.requestCount(Endpoint.GIT_CREDENTIALS_UPDATE)).isEqualTo(1);
        assertThat(fx.emulator.requestCount(Endpoint.OAUTH_TOKEN)).isZero();
        assertThat(fx.stored())
                .singleElement()
                .extracting(StoredGitCredential::token)
                .isEqualTo("ATCTT3xFfGN0second");
    }

    @Test
    void principalResolutionIsCachedPerWorkspaceAndServicePrincipal() throws Exception {
        engine.push(keep(fx.managed(), token("ATCTT3xFfGN0first")));
        engine.push(keep(fx.managed(), token("ATCTT3xFfGN0second")));

        assertThat(fx.emulator.requestCount(Endpoint.SCIM_SERVICE_PRINCIPALS)
                        + fx.emulator.requestCount(Endpoint.SCIM_SERVICE_PRINCIPAL))
                .isEqualTo(1);
    }

    @Test
    void callerWhoIsNotAManagerGetsAClearErrorAndNothingIsWritten() throws Exception {
        EmulatedPrincipal stranger = fx.emulator.addServicePrincipal("stranger");
        Target target = new Target(fx.client(fx.emulator.issuePat(stranger)), fx.sp.applicationId());

        assertThatThrownBy(() -> engine.push(keep(target, token("ATCTT3xFfGN0first"))))
                .isInstanceOfSatisfying(DatabricksException.class, e -> assertThat(e.reason())
                        .isEqualTo(DatabricksException.Reason.NOT_SERVICE_PRINCIPAL_MANAGER));
        assertThat(fx.stored()).isEmpty();
        assertThat(fx.emulator.gitCredentials(stranger)).isEmpty();
    }

    @Test
    void rejectedTokenStopsThePushBeforeAnyDatabricksCall() throws Exception {
        String value = fx.emulator.addBitbucketRepositoryToken("acme", "website", Set.of("repository"));
        fx.emulator.revokeBitbucketToken(value);
        Target own = fx.own();
        fx.emulator.resetCounts();
        List<String> progress = new ArrayList<>();

        assertThatThrownBy(() -> engine.push(new PushRequest(
                        own,
                        token(value),
                        null,
                        null,
                        true,
                        fx.bitbucket(),
                        Duration.ofSeconds(1),
                        "job #1",
                        progress::add)))
                .isInstanceOfSatisfying(TokenVerificationException.class, e -> {
                    assertThat(e.checkStatus()).isEqualTo(TokenCheck.Status.INVALID_OR_EXPIRED);
                    assertThat(e.reason()).isEqualTo(DatabricksException.Reason.PERMISSION_DENIED);
                })
                .hasMessageStartingWith("The Bitbucket token was not pushed: ");

        assertThat(fx.emulator.requestCounts()).allSatisfy((endpoint, count) -> assertThat(count)
                .as(endpoint.name())
                .isEqualTo(endpoint == Endpoint.BITBUCKET_REPOSITORY ? 1 : 0));
        assertThat(fx.stored()).isEmpty();
    }

    @Test
    void verifiedTokenIsPushed() throws Exception {
        String value = fx.emulator.addBitbucketRepositoryToken("acme", "website", Set.of("repository"));
        List<String> progress = new ArrayList<>();

        PushResult result = engine.push(new PushRequest(
                fx.own(),
                token(value),
                null,
                null,
                false,
                fx.bitbucket(),
                Duration.ofSeconds(1),
                "job #1",
                progress::add));

        assertThat(result.created()).isTrue();
        assertThat(progress).isEmpty();
        assertThat(fx.emulator.requestCount(Endpoint.BITBUCKET_REPOSITORY)).isEqualTo(1);
        assertThat(fx.stored())
                .singleElement()
                .extracting(StoredGitCredential::token)
                .isEqualTo(value);
    }

    @Test
    void verificationWarningsReachProgressAndDoNotStopThePush() throws Exception {
        // Bitbucket accepts an app password on the REST API, but Git over HTTPS with x-token-auth will not.
        String appPassword = fx.emulator.registerBitbucketRepositoryToken(
                "acme", "website", Set.of("repository"), "ATBBappPasswordLike0123456789");
        List<String> progress = new ArrayList<>();

        engine.push(new PushRequest(
                fx.own(),
                token(appPassword),
                null,
                null,
                false,
                fx.bitbucket(),
                Duration.ofSeconds(1),
                "job #1",
                progress::add));

        assertThat(progress).singleElement().asString().contains("ATCT");
        assertThat(fx.stored()).hasSize(1);
    }

    @Test
    void tokenWarningsReachProgressWithoutVerification() throws Exception {
        List<String> progress = new ArrayList<>();

        engine.push(new PushRequest(
                fx.own(),
                token("ATBBappPasswordLike0123456789"),
                null,
                null,
                false,
                null,
                Duration.ofSeconds(1),
                "job #1",
                progress::add));

        assertThat(progress).singleElement().asString().contains("ATCT");
        assertThat(fx.emulator.requestCount(Endpoint.BITBUCKET_REPOSITORY)).isZero();
    }

    @Test
    void serverErrorsSurfaceAndTheNextPushRecovers() throws Exception {
        Target own = fx.own();
        engine.push(keep(own, token("ATCTT3xFfGN0first")));
        fx.emulator.inject(Endpoint.GIT_CREDENTIALS_UPDATE, Fault.status(500).times(10));

        assertThatThrownBy(() -> engine.push(keep(own, token("ATCTT3xFfGN0second"))))
                .isInstanceOf(DatabricksException.class);
        fx.emulator.clearFaults();
        engine.push(keep(own, token("ATCTT3xFfGN0third")));

        assertThat(fx.storedBitbucket())
                .get()
                .extracting(StoredGitCredential::token)
                .isEqualTo("ATCTT3xFfGN0third");
    }

    private long totalRequests() {
        Map<Endpoint, Integer> counts = fx.emulator.requestCounts();
        return counts.values().stream().mapToLong(Integer::longValue).sum();
    }

    /**
     * A base client whose first create is preceded by a competitor's create of the same credential, through a
     * separate client: the create that follows meets an existing credential although our list showed none.
     */
    private OkHttpClient racingCreator(AtomicBoolean raced) {
        return new OkHttpClient.Builder()
                .addInterceptor(new Interceptor() {
                    @Override
                    public Response intercept(Chain chain) throws IOException {
                        if (chain.request().method().equals("POST")
                                && chain.request().url().encodedPath().equals("/api/2.0/git-credentials")
                                && raced.compareAndSet(false, true)) {
                            DatabricksClient competitor = fx.client(fx.spPat, ClientSettings.defaults());
                            competitor.createGitCredential(
                                    new GitCredentialSpec(
                                            "bitbucketCloud",
                                            "x-token-auth",
                                            SecretValue.of("ATCTT3xFfGN0competitor"),
                                            null,
                                            null),
                                    null);
                        }
                        return chain.proceed(chain.request());
                    }
                })
                .build();
    }
}

package io.jenkins.plugins.databricksgit.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import hudson.AbortException;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.databricksgit.core.ClientSettings;
import io.jenkins.plugins.databricksgit.core.GitCredentialEngine;
import io.jenkins.plugins.databricksgit.core.PushRequest;
import io.jenkins.plugins.databricksgit.core.PushResult;
import io.jenkins.plugins.databricksgit.impl.BitbucketRepositoryAccessTokenImpl;
import io.jenkins.plugins.databricksgit.impl.DatabricksServicePrincipalCredentialsImpl;
import io.jenkins.plugins.databricksgit.testkit.DatabricksEmulator;
import io.jenkins.plugins.databricksgit.testkit.EmulatedPrincipal;
import io.jenkins.plugins.databricksgit.testkit.Endpoint;
import io.jenkins.plugins.databricksgit.testkit.OAuthClient;
import io.jenkins.plugins.databricksgit.testkit.StoredGitCredential;
import io.jenkins.plugins.databricksgit.workspace.BuildCredentials;
import io.jenkins.plugins.databricksgit.workspace.DatabricksWorkspace;
import io.jenkins.plugins.databricksgit.workspace.UnsavedWorkspaces;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code JenkinsStepsBackend.resolve} through the stub contracts: the configured workspaces, a credentials store
 * played by the test ({@link BuildCredentials}), and the Databricks emulator behind. Every refusal is checked to be
 * one line with the plugin's prefix and to have sent no request.
 */
class PushResolverTest {
    private static final String PREFIX = "[databricks-git-credential] ";

    private DatabricksEmulator emulator;
    private EmulatedPrincipal manager;
    private EmulatedPrincipal deploySp;
    private EmulatedPrincipal releaseSp;
    private EmulatedPrincipal otherTeamSp;
    private EmulatedPrincipal teamSp;
    private String attackerToken;
    private String repoToken;

    private final Map<String, StandardCredentials> store = new HashMap<>();
    private final List<String> lookedUp = new ArrayList<>();
    private final List<String> tracked = new ArrayList<>();
    private final UnsavedWorkspaces config = new UnsavedWorkspaces();
    private DatabricksWorkspace prod;
    private final FakeListener log = new FakeListener("attacker/job#1");
    private String job = "ops/deploy";

    /** The store a build sees: credentials by id, with lookups and tracking recorded. */
    private final BuildCredentials credentials = new BuildCredentials() {
        @Override
        public StandardCredentials find(String id, Run<?, ?> build) {
            lookedUp.add(id);
            return store.get(id);
        }

        @Override
        public void track(Run<?, ?> build, Credentials credential) {
            tracked.add(((StandardCredentials) credential).getId());
        }

        @Override
        public String kind(Credentials credential) {
            return credential instanceof StringCredentials
                    ? "Secret text"
                    : credential instanceof DatabricksServicePrincipalCredentialsImpl
                            ? "Databricks service principal (OAuth)"
                            : "SSH Username with private key";
        }
    };

    private PushResolver resolver;

    /** A Secret text credential, as plain-credentials' StringCredentialsImpl holds one. */
    static final class SecretText extends BaseStandardCredentials implements StringCredentials {
        private final Secret secret;

        SecretText(String id, String secret) {
            super(id, "");
            this.secret = Secret.fromString(secret);
        }

        @Override
        public Secret getSecret() {
            return secret;
        }
    }

    @BeforeEach
    void setUp() {
        emulator = DatabricksEmulator.start();
        manager = emulator.addServicePrincipal("jenkins-prod-manager");
        deploySp = emulator.addServicePrincipal("deploy-sp");
        releaseSp = emulator.addServicePrincipal("release-sp");
        otherTeamSp = emulator.addServicePrincipal("other-team-sp");
        teamSp = emulator.addServicePrincipal("team-sp");
        for (EmulatedPrincipal sp : List.of(deploySp, releaseSp, otherTeamSp)) {
            emulator.grantManager(manager, sp);
        }
        attackerToken = emulator.addBitbucketRepositoryToken("attacker", "repo", Set.of("repository"));
        repoToken = emulator.addBitbucketRepositoryToken("acme", "app", Set.of("repository"));

        OAuthClient oauth = emulator.issueOAuthSecret(manager);
        store.put(
                "databricks-prod-manager",
                new DatabricksServicePrincipalCredentialsImpl(
                        null,
                        "databricks-prod-manager",
                        "",
                        oauth.clientId(),
                        Secret.fromString(oauth.clientSecret())));
        store.put("team-databricks-pat", new SecretText("team-databricks-pat", emulator.issuePat(teamSp)));
        store.put("attacker-token", bitbucket("attacker-token", attackerToken, null, null));
        store.put("bb-repo-token", bitbucket("bb-repo-token", repoToken, "acme", "app"));
        store.put("ssh-key", new BaseStandardCredentials("ssh-key", "") {});

        prod = config.add("prod", emulator.url(), "databricks-prod-manager");
        prod.setServicePrincipal(deploySp.applicationId());
        prod.setAdditionalServicePrincipals(Long.toString(releaseSp.id()));
        prod.setAllowedJobs("ops");
        prod.setBitbucketApiUrl(emulator.bitbucketApiUrl());
        // The emulator listens on 127.0.0.1, which is not a Databricks domain: allow it, as a test controller would.
        config.setAllowedHosts("127.0.0.1\n*.cloud.databricks.com");

        resolver = new PushResolver(
                credentials,
                () -> config,
                () -> ClientSettings.builder().maxAttempts(1).build(),
                build -> job,
                new GitCredentialEngine());
    }

    @AfterEach
    void tearDown() {
        emulator.close();
    }

    private static BitbucketRepositoryAccessTokenImpl bitbucket(
            String id, String token, String workspace, String repository) {
        BitbucketRepositoryAccessTokenImpl c =
                new BitbucketRepositoryAccessTokenImpl(null, id, "", Secret.fromString(token));
        c.setWorkspace(workspace);
        c.setRepository(repository);
        return c;
    }

    private ResolvedPush resolve(PushParameters p) throws Exception {
        return resolver.resolve(new BuildContext(null, log), p);
    }

    private static PushSettings withWorkspace(String credentialsId, String workspace) {
        PushSettings p = new PushSettings(credentialsId);
        p.setWorkspace(workspace);
        return p;
    }

    private static PushSettings withHost(String credentialsId, String host, String databricksCredentialsId) {
        PushSettings p = new PushSettings(credentialsId);
        p.setHost(host);
        p.setDatabricksCredentialsId(databricksCredentialsId);
        return p;
    }

    private int requests() {
        return emulator.requestCounts().values().stream()
                .mapToInt(Integer::intValue)
                .sum();
    }

    /** Resolves, expecting a refusal: one line, with the prefix, and nothing sent to the emulator. */
    private String refused(PushParameters p) {
        int before = requests();
        Throwable t = catchThrowable(() -> resolve(p));
        assertThat(t).isInstanceOf(AbortException.class);
        assertThat(t.getMessage()).startsWith(PREFIX).doesNotContain("\n");
        assertThat(requests()).as("requests sent before the refusal").isEqualTo(before);
        return t.getMessage();
    }

    /** What the steps do with a resolved push (Pushes.push, without the lifecycle's bookkeeping). */
    private PushResult push(ResolvedPush r) throws Exception {
        return new GitCredentialEngine()
                .push(new PushRequest(
                        r.target(),
                        r.token(),
                        null,
                        null,
                        false,
                        r.verifyWith(),
                        Duration.ofSeconds(5),
                        "attacker/job #1",
                        line -> {}));
    }

    // --- The bypass this class exists for --------------------------------------------------------------------------

    /**
     * A job outside the workspace's allowed folders names the workspace's manager credential with {@code host:} and
     * another team's service principal. Before the access rules, this pushed the attacker's token to that principal.
     */
    @Test
    void theHostBypassOfTheAllowListIsRefusedBeforeAnyRequest() throws Exception {
        job = "attacker/job";
        PushSettings p = withHost("attacker-token", emulator.url(), "databricks-prod-manager");
        p.setServicePrincipal(otherTeamSp.applicationId());

        ResolvedPush resolved;
        try {
            resolved = resolve(p);
        } catch (AbortException refused) {
            assertThat(refused.getMessage())
                    .startsWith(PREFIX)
                    .contains("'databricks-prod-manager' belongs to the configured Databricks workspace 'prod'")
                    .contains("workspace: 'prod'")
                    .contains("Nothing was sent");
            assertThat(requests()).isZero();
            assertThat(emulator.gitCredentials(otherTeamSp)).isEmpty();
            assertThat(tracked).isEmpty();
            return;
        }
        PushResult landed = push(resolved);
        throw new AssertionError("The host: bypass worked: the attacker's token was pushed as Git credential "
                + landed.credentialId() + " of " + otherTeamSp.displayName() + " ("
                + emulator.gitCredentials(otherTeamSp).size() + " stored, " + requests() + " requests sent)");
    }

    @Test
    void theBypassIsAlsoRefusedWithTheDefaultHostsAndFromAnAllowedJob() {
        config.setAllowedHosts(
                String.join("\n", io.jenkins.plugins.databricksgit.core.HostPatterns.DATABRICKS_DEFAULTS));
        PushSettings p = withHost("attacker-token", emulator.url(), "databricks-prod-manager");
        p.setServicePrincipal(otherTeamSp.applicationId());

        assertThat(refused(p)).contains("workspace: 'prod'");
        job = "ops/deploy";
        assertThat(refused(p)).contains("workspace: 'prod'");
        assertThat(requests()).isZero();
    }

    // --- Rule: the allowed list of a workspace ---------------------------------------------------------------------

    @Test
    void aJobOutsideTheAllowedFoldersIsRefusedBeforeAnyLookup() {
        job = "attacker/job";

        assertThat(refused(withWorkspace("attacker-token", "prod")))
                .contains("Job 'attacker/job' may not use Databricks workspace 'prod': only ops may");
        assertThat(lookedUp).isEmpty();
        assertThat(tracked).isEmpty();
    }

    // --- Rule: hosts pipelines may name -----------------------------------------------------------------------------

    @Test
    void aTeamsOwnCredentialWorksWithAnAllowedHost() throws Exception {
        job = "team-b/deploy";
        PushSettings p = withHost("bb-repo-token", emulator.url(), "team-databricks-pat");
        // A host has no configured Bitbucket API: the public one would be asked, which a test cannot reach.
        p.setVerifyToken(false);

        ResolvedPush r = resolve(p);
        push(r);

        assertThat(r.workspace()).isNull();
        assertThat(r.databricksCredentialsId()).isEqualTo("team-databricks-pat");
        assertThat(r.target().client().workspace().url()).isEqualTo(emulator.url());
        assertThat(emulator.gitCredentials(teamSp))
                .extracting(StoredGitCredential::token)
                .containsExactly(repoToken);
        assertThat(tracked).containsExactly("bb-repo-token", "team-databricks-pat");
    }

    @Test
    void aHostOutsideThePatternsIsRefused() {
        config.setAllowedHosts("*.cloud.databricks.com");

        assertThat(refused(withHost("bb-repo-token", emulator.url(), "team-databricks-pat")))
                .contains("Host '127.0.0.1' is not one pipelines may name (allowed: *.cloud.databricks.com)");
        assertThat(refused(withHost("bb-repo-token", "https://127.0.0.1.nip.io", "team-databricks-pat")))
                .contains("127.0.0.1.nip.io");
        assertThat(lookedUp).isEmpty();
    }

    @Test
    void anEmptyListAllowsNoHostAndAMalformedOneNeither() {
        config.setAllowedHosts("");
        assertThat(refused(withHost("bb-repo-token", emulator.url(), "team-databricks-pat")))
                .contains("may not name a Databricks host");

        config.setAllowedHosts("127.0.0.1\n*");
        assertThat(refused(withHost("bb-repo-token", emulator.url(), "team-databricks-pat")))
                .contains("misconfigured");
    }

    @Test
    void aHostThatIsNoWorkspaceUrlIsRefusedWithThePrefix() {
        assertThat(refused(withHost("bb-repo-token", "adb-1.azuredatabricks.net", "team-databricks-pat")))
                .contains("no scheme");
        assertThat(refused(withHost("bb-repo-token", "https://user:pw@x.cloud.databricks.com", "team-databricks-pat")))
                .doesNotContain("pw");
    }

    // --- Rule: the service principals a workspace lets jobs target --------------------------------------------------

    @Test
    void withoutServicePrincipalTheWorkspaceDefaultIsTargeted() throws Exception {
        ResolvedPush r = resolve(withWorkspace("bb-repo-token", "prod"));

        assertThat(r.target().servicePrincipal()).isEqualTo(deploySp.applicationId());
        assertThat(requests()).isZero();
    }

    @Test
    void aListedPrincipalNamedAsListedNeedsNoRequest() throws Exception {
        PushSettings p = withWorkspace("bb-repo-token", "prod");
        p.setServicePrincipal(Long.toString(releaseSp.id()));

        assertThat(resolve(p).target().servicePrincipal()).isEqualTo(Long.toString(releaseSp.id()));
        p.setServicePrincipal(deploySp.applicationId().toUpperCase(java.util.Locale.ROOT));
        assertThat(resolve(p).target().servicePrincipal()).isEqualTo(deploySp.applicationId());
        assertThat(requests()).isZero();
    }

    @Test
    void aListedPrincipalNamedTheOtherWayIsComparedByIdOnceAndCached() throws Exception {
        PushSettings p = withWorkspace("bb-repo-token", "prod");
        p.setServicePrincipal(Long.toString(deploySp.id()));

        assertThat(resolve(p).target().servicePrincipal()).isEqualTo(deploySp.applicationId());
        int first = requests();
        assertThat(emulator.requestCount(Endpoint.SCIM_SERVICE_PRINCIPALS)).isEqualTo(1);
        assertThat(resolve(p).target().servicePrincipal()).isEqualTo(deploySp.applicationId());
        assertThat(requests()).isEqualTo(first);
        assertThat(emulator.requestCount(Endpoint.GIT_CREDENTIALS_CREATE)).isZero();
    }

    @Test
    void anotherPrincipalTheManagerCouldManageIsRefusedBeforeThePush() throws Exception {
        PushSettings p = withWorkspace("attacker-token", "prod");
        p.setServicePrincipal(otherTeamSp.applicationId());

        Throwable t = catchThrowable(() -> resolve(p));

        assertThat(t)
                .isInstanceOf(AbortException.class)
                .hasMessageStartingWith(PREFIX)
                .hasMessageContaining("does not let jobs target service principal '" + otherTeamSp.applicationId())
                .hasMessageContaining("only " + deploySp.applicationId() + ", " + releaseSp.id());
        assertThat(emulator.requestCount(Endpoint.GIT_CREDENTIALS_CREATE)).isZero();
        assertThat(emulator.requestCount(Endpoint.GIT_CREDENTIALS_UPDATE)).isZero();
        assertThat(emulator.requestCount(Endpoint.GIT_CREDENTIALS_LIST)).isZero();
        assertThat(emulator.gitCredentials(otherTeamSp)).isEmpty();

        p.setServicePrincipal("99999999");
        assertThat(catchThrowable(() -> resolve(p))).hasMessageContaining("does not let jobs target");
    }

    @Test
    void aWorkspaceWithoutServicePrincipalLetsJobsNameOnlyTheCredentialsOwnPrincipal() throws Exception {
        config.add("team", emulator.url(), "team-databricks-pat");
        PushSettings own = withWorkspace("bb-repo-token", "team");
        own.setVerifyToken(false);
        own.setServicePrincipal(teamSp.applicationId());

        assertThat(resolve(own).target().servicePrincipal()).isNull();
        own.setServicePrincipal(otherTeamSp.applicationId());
        assertThat(catchThrowable(() -> resolve(own)))
                .hasMessageStartingWith(PREFIX)
                .hasMessageContaining("only the credential's own principal");
        assertThat(emulator.requestCount(Endpoint.GIT_CREDENTIALS_CREATE)).isZero();
    }

    @Test
    void anUnknownPrincipalIsRefusedWithTheLookupsReason() {
        PushSettings p = withWorkspace("bb-repo-token", "prod");
        p.setServicePrincipal("00000000-0000-4000-8000-00000000dead");

        Throwable t = catchThrowable(() -> resolve(p));

        assertThat(t).isInstanceOf(AbortException.class).hasMessageStartingWith(PREFIX + "Could not check");
        assertThat(t.getMessage()).doesNotContain("\n");
    }

    @Test
    void withAHostTheCredentialIsTheJobsOwnSoAnyPrincipalMayBeNamed() throws Exception {
        PushSettings p = withHost("bb-repo-token", emulator.url(), "team-databricks-pat");
        p.setServicePrincipal(otherTeamSp.applicationId());

        assertThat(resolve(p).target().servicePrincipal()).isEqualTo(otherTeamSp.applicationId());
        assertThat(requests()).isZero();
    }

    // --- Credentials: looked up in the build's context, tracked, of the right kind
    // ------------------------------------

    @Test
    void bothCredentialsAreLookedUpForTheBuildAndTracked() throws Exception {
        resolve(withWorkspace("bb-repo-token", "prod"));

        assertThat(lookedUp).containsExactly("bb-repo-token", "databricks-prod-manager");
        assertThat(tracked).containsExactly("bb-repo-token", "databricks-prod-manager");
    }

    @Test
    void aDatabricksCredentialGivenAsTheTokenIsNamedAsTheWrongKind() {
        assertThat(refused(withWorkspace("team-databricks-pat", "prod")))
                .contains("Credential 'team-databricks-pat' is a Secret text credential, a Databricks credential")
                .contains("databricksCredentialsId");
        assertThat(refused(withWorkspace("databricks-prod-manager", "prod")))
                .contains("is a Databricks service principal (OAuth) credential");
        assertThat(refused(withWorkspace("ssh-key", "prod")))
                .contains("'ssh-key' is a SSH Username with private key credential")
                .contains("Bitbucket repository access token");
        assertThat(tracked).isEmpty();
    }

    @Test
    void aMissingTokenCredentialIsNotFound() {
        assertThat(refused(withWorkspace("nope", "prod"))).contains("No credential 'nope'");
    }

    @Test
    void aUsernamePasswordCredentialMustUseXTokenAuth() {
        store.put("bot-password", new UsernamePassword("bot-password", "bot@acme.com", repoToken));

        assertThat(refused(withWorkspace("bot-password", "prod"))).contains("x-token-auth");
        store.put("git-token", new UsernamePassword("git-token", "x-token-auth", repoToken));
        assertThat(catchThrowable(() -> resolve(withWorkspace("git-token", "prod"))))
                .isNull();
    }

    @Test
    void theWorkspacesCredentialOfAnotherKindOrMissingIsNamed() {
        prod.setAllowedJobs(null);
        DatabricksWorkspace sshWorkspace = config.add("ssh", emulator.url(), "ssh-key");
        DatabricksWorkspace missing = config.add("missing", emulator.url(), "gone");

        assertThat(refused(withWorkspace("bb-repo-token", sshWorkspace.getName())))
                .contains("Credential 'ssh-key' of Databricks workspace 'ssh' is a SSH Username with private key");
        assertThat(refused(withWorkspace("bb-repo-token", missing.getName())))
                .contains("Credential 'gone' of Databricks workspace 'missing' was not found");
        assertThat(refused(withWorkspace("bb-repo-token", "staging")))
                .contains("No Databricks workspace is named 'staging'");
        assertThat(tracked).containsOnly("bb-repo-token");
    }

    // --- Verify default ------------------------------------------------------------------------------------------

    @Test
    void theTokenIsVerifiedByDefaultWhenTheCredentialNamesItsRepository() throws Exception {
        ResolvedPush r = resolve(withWorkspace("bb-repo-token", "prod"));

        assertThat(r.verifyWith()).isNotNull();
        push(r);
        assertThat(emulator.requestCount(Endpoint.BITBUCKET_REPOSITORY)).isEqualTo(1);
    }

    @Test
    void verifyTokenFalseSkipsItAndACredentialWithoutRepositoryCannotBeVerified() throws Exception {
        PushSettings off = withWorkspace("bb-repo-token", "prod");
        off.setVerifyToken(false);
        assertThat(resolve(off).verifyWith()).isNull();

        assertThat(resolve(withWorkspace("attacker-token", "prod")).verifyWith())
                .isNull();
        assertThat(log.lines()).isEmpty();

        PushSettings on = withWorkspace("attacker-token", "prod");
        on.setVerifyToken(true);
        assertThat(resolve(on).verifyWith()).isNull();
        assertThat(log.lines())
                .containsExactly(PREFIX + "Not verifying the token of credential 'attacker-token' with Bitbucket: the"
                        + " credential names no Bitbucket workspace and repository.");
    }

    @Test
    void aBitbucketApiUrlThatBuildsMayNotUseIsRefusedWithThePrefix() {
        prod.setBitbucketApiUrl("http://bitbucket-proxy.example.com");

        assertThat(refused(withWorkspace("bb-repo-token", "prod"))).contains("must use https://");
    }

    /** A Username with password credential. */
    private static final class UsernamePassword extends BaseStandardCredentials
            implements StandardUsernamePasswordCredentials {
        private final String username;
        private final Secret password;

        UsernamePassword(String id, String username, String password) {
            super(id, "");
            this.username = username;
            this.password = Secret.fromString(password);
        }

        @Override
        public String getUsername() {
            return username;
        }

        @Override
        public Secret getPassword() {
            return password;
        }
    }
}

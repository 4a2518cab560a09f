package io.jenkins.plugins.databricksgit.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.databricksgit.testkit.DatabricksEmulator;
import io.jenkins.plugins.databricksgit.testkit.EmulatedPrincipal;
import io.jenkins.plugins.databricksgit.testkit.Endpoint;
import io.jenkins.plugins.databricksgit.testkit.Fault;
import io.jenkins.plugins.databricksgit.testkit.OAuthClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import okhttp3.OkHttpClient;
import okhttp3.logging.HttpLoggingInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Known secret values go through every success and failure path with all logging switched on; none of them may show
 * up in a log record, an exception (causes and suppressed included) or a {@code toString()}.
 */
class CanaryTest {
    static final String PAT = "dapiCANARYpat0123456789abcdef0123";
    static final String MANAGER_PAT = "dapiCANARYmanager0123456789abcdef";
    static final String CLIENT_SECRET = "doseCANARYclientsecret0123456789";
    static final String GIT_TOKEN = "ATCTT3xFfGN0CANARYgit0123456789";
    static final String GIT_TOKEN_2 = "ATCTT3xFfGN0CANARYgit2abcdefghij";
    static final String BB_TOKEN = "ATCTT3xFfGN0CANARYbitbucket012345";
    static final String BB_REVOKED = "ATCTT3xFfGN0CANARYrevoked0123456";
    static final List<String> CANARIES =
            List.of(PAT, MANAGER_PAT, CLIENT_SECRET, GIT_TOKEN, GIT_TOKEN_2, BB_TOKEN, BB_REVOKED, "CANARY");

    final List<String> logs = new CopyOnWriteArrayList<>();
    final List<String> texts = new ArrayList<>();
    final Handler capture = new Handler() {
        final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord r) {
            logs.add(formatter.format(r));
            if (r.getParameters() != null) {
                for (Object p : r.getParameters()) {
                    logs.add(String.valueOf(p));
                }
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    Logger root;
    Level rootLevel;
    DatabricksEmulator emulator;
    ClientSettings settings;

    @BeforeEach
    void setUp() {
        root = Logger.getLogger("");
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        for (String name : new String[] {"okhttp3", "mockwebserver3", "io.jenkins.plugins.databricksgit"}) {
            Logger.getLogger(name).setLevel(Level.ALL);
        }
        emulator = DatabricksEmulator.start();
        HttpLoggingInterceptor app = new HttpLoggingInterceptor(m -> logs.add("app: " + m));
        app.setLevel(HttpLoggingInterceptor.Level.BODY);
        app.redactHeader("Authorization");
        HttpLoggingInterceptor network = new HttpLoggingInterceptor(m -> logs.add("net: " + m));
        network.setLevel(HttpLoggingInterceptor.Level.BODY);
        network.redactHeader("Authorization");
        OkHttpClient base = new OkHttpClient.Builder()
                .addInterceptor(app)
                .addNetworkInterceptor(network)
                .build();
        settings = ClientSettings.builder()
                .baseClient(base)
                .sleeper(new FakeSleeper())
                .readTimeout(Duration.ofSeconds(10))
                .build();
    }

    @AfterEach
    void tearDown() {
        root.removeHandler(capture);
        root.setLevel(rootLevel);
        emulator.close();
    }

    @Test
    void noSecretEscapes() throws Exception {
        EmulatedPrincipal sp = emulator.addServicePrincipal("ci-bot");
        emulator.registerPat(sp, PAT);
        EmulatedPrincipal manager = emulator.addUser("admin@example.com", "Admin");
        emulator.registerPat(manager, MANAGER_PAT);
        OAuthClient oauth = emulator.registerOAuthSecret(sp, CLIENT_SECRET);
        emulator.registerBitbucketRepositoryToken("acme", "app", Set.of("repository"), BB_TOKEN);
        emulator.registerBitbucketRepositoryToken("acme", "app", Set.of("repository"), BB_REVOKED);
        emulator.revokeBitbucketToken(BB_REVOKED);
        WorkspaceUrl url = WorkspaceUrl.parse(emulator.url());

        DatabricksAuth patAuth = DatabricksAuth.bearerToken(SecretValue.of(PAT));
        DatabricksAuth oauthAuth =
                DatabricksAuth.oauthClientCredentials(oauth.clientId(), SecretValue.of(CLIENT_SECRET));
        DatabricksClient asSp = new DatabricksClient(url, patAuth, settings);
        DatabricksClient asOAuth = new DatabricksClient(url, oauthAuth, settings);
        DatabricksClient asManager =
                new DatabricksClient(url, DatabricksAuth.bearerToken(SecretValue.of(MANAGER_PAT)), settings);
        GitCredentialSpec spec1 =
                new GitCredentialSpec("bitbucketCloud", "x-token-auth", SecretValue.of(GIT_TOKEN), null, "ci");
        GitCredentialSpec spec2 =
                new GitCredentialSpec("bitbucketCloud", "x-token-auth", SecretValue.of(GIT_TOKEN_2), null, "ci");
        texts.add(patAuth.toString());
        texts.add(oauthAuth.toString());
        texts.add(oauthAuth.describe());
        texts.add(asOAuth.toString());
        texts.add(spec1.toString());
        texts.add(BitbucketToken.of(BB_TOKEN, "acme", "app").toString());
        texts.add(SecretValue.of(PAT).toString());

        // Successes: the canaries are really used.
        texts.add(asSp.me().toString());
        GitCredential created = asSp.createGitCredential(spec1, null);
        texts.add(created.toString());
        assertThat(emulator.gitCredentials(sp)).singleElement().satisfies(c -> assertThat(c.token())
                .isEqualTo(GIT_TOKEN));
        asOAuth.updateGitCredential(created.id(), spec2, null);
        assertThat(emulator.gitCredentials(sp).get(0).token()).isEqualTo(GIT_TOKEN_2);
        assertThat(emulator.requestCount(Endpoint.OAUTH_TOKEN)).isEqualTo(1);
        texts.add(asOAuth.listGitCredentials(null).toString());
        emulator.expireAllOAuthTokens();
        texts.add(asOAuth.getGitCredential(created.id(), null).toString());
        assertThat(emulator.requestCount(Endpoint.OAUTH_TOKEN)).isEqualTo(2);

        // Failures of every kind.
        fail(() -> asSp.createGitCredential(spec1, null)); // already exists
        fail(() -> asManager.createGitCredential(spec1, sp.id())); // not a manager
        emulator.inject(Endpoint.GIT_CREDENTIALS_UPDATE, Fault.status(400));
        fail(() -> asSp.updateGitCredential(created.id(), spec1, null));
        emulator.inject(Endpoint.GIT_CREDENTIALS_UPDATE, Fault.dropConnection());
        fail(() -> asSp.updateGitCredential(created.id(), spec1, null));
        emulator.inject(Endpoint.GIT_CREDENTIALS_UPDATE, Fault.dropConnectionAfterApplying());
        fail(() -> asSp.updateGitCredential(created.id(), spec1, null));
        emulator.inject(Endpoint.GIT_CREDENTIALS_UPDATE, Fault.latency(Duration.ofSeconds(2)));
        fail(() -> new DatabricksClient(
                        url,
                        patAuth,
                        settings.toBuilder().readTimeout(Duration.ofMillis(300)).build())
                .updateGitCredential(created.id(), spec2, null));
        asSp.deleteGitCredential(created.id(), null);
        emulator.inject(Endpoint.GIT_CREDENTIALS_CREATE, Fault.malformedBody());
        fail(() -> asSp.createGitCredential(spec1, null));
        emulator.inject(Endpoint.GIT_CREDENTIALS_CREATE, Fault.html(404));
        fail(() -> asSp.createGitCredential(spec1, null));
        emulator.inject(Endpoint.GIT_CREDENTIALS_CREATE, Fault.status(503).times(10));
        fail(() -> asSp.createGitCredential(spec1, null));
        emulator.clearFaults();
        emulator.inject(Endpoint.OAUTH_TOKEN, Fault.status(500));
        fail(() -> new DatabricksClient(
                        url,
                        DatabricksAuth.oauthClientCredentials(oauth.clientId(), SecretValue.of(CLIENT_SECRET)),
                        settings)
                .me());
        fail(() -> new DatabricksClient(
                        url,
                        DatabricksAuth.oauthClientCredentials(oauth.clientId(), SecretValue.of(CLIENT_SECRET + "x")),
                        settings)
                .me());
        emulator.revokePat(PAT);
        fail(asSp::me);
        fail(() -> new DatabricksClient(WorkspaceUrl.parse("https://canary-host.invalid"), patAuth, settings).me());
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        fail(() -> new DatabricksClient(WorkspaceUrl.parse("http://127.0.0.1:" + closedPort), patAuth, settings)
                .createGitCredential(spec1, null));
        try (DatabricksEmulator https = DatabricksEmulator.startHttps()) {
            fail(() -> new DatabricksClient(WorkspaceUrl.parse(https.url()), patAuth, settings).me());
        }
        try {
            asSp.resolveServicePrincipal(PAT);
        } catch (IllegalArgumentException e) {
            texts.add(stackTrace(e));
        }
        try {
            BitbucketToken.of(BB_TOKEN + " x", "acme", "app");
        } catch (IllegalArgumentException e) {
            texts.add(stackTrace(e));
        }
        try {
            WorkspaceUrl.parse("https://user:" + PAT + "@example.com");
        } catch (IllegalArgumentException e) {
            texts.add(stackTrace(e));
        }

        // Bitbucket, valid and not.
        BitbucketClient bb = new BitbucketClient(emulator.bitbucketApiUrl(), settings);
        TokenCheck valid = bb.verify(BitbucketToken.of(BB_TOKEN, "acme", "app"));
        assertThat(valid.valid()).isTrue();
        texts.add(valid.toString());
        texts.add(bb.verify(BitbucketToken.of(BB_REVOKED, "acme", "app")).toString());
        texts.add(bb.verify(BitbucketToken.of(BB_TOKEN, "acme", "other")).toString());
        texts.add(new BitbucketClient("http://127.0.0.1:" + closedPort, settings)
                .verify(BitbucketToken.of(BB_TOKEN, "acme", "app"))
                .toString());

        assertThat(logs).as("the logging was on").anyMatch(l -> l.contains("/api/2.0/git-credentials"));
        assertThat(logs).anyMatch(l -> l.contains("Authorization: ██"));
        assertThat(texts).hasSizeGreaterThan(20);
        for (String canary : CANARIES) {
            assertThat(logs).noneMatch(l -> l.contains(canary));
            assertThat(texts).noneMatch(t -> t.contains(canary));
        }
        // The OAuth access token is a secret too: its answer must never be logged.
        assertThat(logs).noneMatch(l -> l.contains("access_token"));
    }

    private void fail(Executable call) {
        try {
            call.execute();
        } catch (Throwable e) {
            assertThat(e).isInstanceOf(DatabricksException.class);
            texts.add(e.toString());
            texts.add(stackTrace(e));
            return;
        }
        throw new AssertionError("expected a failure");
    }

    private static String stackTrace(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}

package io.jenkins.plugins.databricksgit.core;

import static io.jenkins.plugins.databricksgit.core.EngineFixture.keep;
import static io.jenkins.plugins.databricksgit.core.EngineFixture.lease;
import static io.jenkins.plugins.databricksgit.core.EngineFixture.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.databricksgit.testkit.EmulatedPrincipal;
import io.jenkins.plugins.databricksgit.testkit.Endpoint;
import io.jenkins.plugins.databricksgit.testkit.Fault;
import io.jenkins.plugins.databricksgit.testkit.StoredGitCredential;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import okhttp3.OkHttpClient;
import okhttp3.logging.HttpLoggingInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the engine's scenarios, failures included, with a recognisable token and every logger wide open, then looks
 * for the token everywhere a secret could leak: log lines, exception messages (causes and suppressed included) and
 * the {@code toString()} of everything the API hands out.
 */
class SecretCanaryTest {
    private static final String CANARY =
            "ATCTT3xFfGN0canary" + UUID.randomUUID().toString().replace("-", "");

    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();
    private final List<Object> handedOut = new ArrayList<>();
    private final Map<String, Level> savedLevels = new HashMap<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            logLines.add(formatter.format(record));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    logLines.add(String.valueOf(parameter));
                }
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private EngineFixture fx;

    @BeforeEach
    void openEveryLogger() throws Exception {
        LogManager manager = LogManager.getLogManager();
        for (String name : Collections.list(manager.getLoggerNames())) {
            Logger logger = manager.getLogger(name);
            if (logger != null) {
                savedLevels.put(name, logger.getLevel());
                logger.setLevel(Level.ALL);
            }
        }
        Logger root = Logger.getLogger("");
        root.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);

        Logger wire = Logger.getLogger("okhttp.wire");
        HttpLoggingInterceptor logging = new HttpLoggingInterceptor(wire::fine);
        logging.setLevel(HttpLoggingInterceptor.Level.HEADERS);
        logging.redactHeader("Authorization");
        // Twice: as an application interceptor (what the caller sends) and as a network one (what goes on the wire,
        // authentication header included).
        fx = new EngineFixture(new OkHttpClient.Builder()
                .addInterceptor(logging)
                .addNetworkInterceptor(logging)
                .build());
    }

    @AfterEach
    void restoreLoggers() throws Exception {
        fx.close();
        Logger.getLogger("").removeHandler(capture);
        LogManager manager = LogManager.getLogManager();
        savedLevels.forEach((name, level) -> {
            Logger logger = manager.getLogger(name);
            if (logger != null) {
                logger.setLevel(level);
            }
        });
    }

    @Test
    void theTokenReachesDatabricksAndNothingElse() throws Exception {
        GitCredentialEngine engine = new GitCredentialEngine();
        BitbucketToken canary = token(CANARY);
        Target own = fx.own();
        Target managed = fx.managed();
        List<String> progress = new CopyOnWriteArrayList<>();
        handedOut.add(canary);
        handedOut.add(canary.secret());

        // Create, update with a known id, update after a restart (list + patch), share, release.
        PushRequest create = keep(managed, canary);
        handedOut.add(create);
        handedOut.add(engine.push(create));
        assertThat(fx.storedBitbucket())
                .get()
                .extracting(StoredGitCredential::token)
                .isEqualTo(CANARY);
        handedOut.add(engine.push(keep(managed, canary)));
        handedOut.add(new GitCredentialEngine().push(keep(managed, canary)));
        PushResult first = engine.push(lease(managed, canary, "build #1", Duration.ofSeconds(5), progress));
        PushResult second = engine.push(lease(managed, canary, "build #2", Duration.ofSeconds(5), progress));
        handedOut.add(first);
        handedOut.add(first.lease());

        // A different token gives up while the canary is held.
        attempt(() ->
                engine.push(lease(managed, token("ATCTT3xFfGN0other"), "build #3", Duration.ofMillis(50), progress)));
        handedOut.add(engine.release(first.lease(), managed.client()));
        handedOut.add(engine.release(second.lease(), managed.client()));

        // A create whose answer is lost, then a known id that is gone.
        fx.emulator.inject(Endpoint.GIT_CREDENTIALS_CREATE, Fault.dropConnectionAfterApplying());
        PushResult reconciled = engine.push(keep(own, canary));
        handedOut.add(reconciled);
        own.client().deleteGitCredential(reconciled.credentialId(), null);
        handedOut.add(engine.push(keep(own, canary)));

        // Server errors on update, beyond the retries.
        fx.emulator.inject(Endpoint.GIT_CREDENTIALS_UPDATE, Fault.status(503).times(10));
        attempt(() -> engine.push(keep(own, canary)));
        fx.emulator.clearFaults();
        fx.emulator.inject(
                Endpoint.GIT_CREDENTIALS_UPDATE, Fault.dropConnection().times(10));
        attempt(() -> engine.push(keep(own, canary)));
        fx.emulator.clearFaults();

        // A caller that is not a manager; a legacy workspace holding another provider's credential.
        EmulatedPrincipal stranger = fx.emulator.addServicePrincipal("stranger");
        attempt(() -> engine.push(
                keep(new Target(fx.client(fx.emulator.issuePat(stranger)), fx.sp.applicationId()), canary)));
        EmulatedPrincipal legacy = fx.emulator.addServicePrincipal("legacy");
        String legacyPat = fx.emulator.issuePat(legacy);
        fx.emulator.setLegacyOneCredentialPerUser(true);
        fx.client(legacyPat)
                .createGitCredential(
                        new GitCredentialSpec("gitHub", "octocat", SecretValue.of("ghp_other"), null, null), null);
        attempt(() -> engine.push(keep(new Target(fx.client(legacyPat), null), canary)));
        fx.emulator.setLegacyOneCredentialPerUser(false);

        // Bitbucket verification, accepted and rejected, with a token the emulator's Bitbucket knows.
        String verified = fx.emulator.addBitbucketRepositoryToken("acme", "website", Set.of("repository"));
        handedOut.add(engine.push(new PushRequest(
                own, token(verified), null, null, false, fx.bitbucket(), Duration.ofSeconds(1), "job", progress::add)));
        fx.emulator.revokeBitbucketToken(verified);
        attempt(() -> engine.push(new PushRequest(
                own, token(verified), null, null, false, fx.bitbucket(), Duration.ofSeconds(1), "job", progress::add)));
        handedOut.add(fx.bitbucket().verify(token(verified)));

        // Malformed tokens are refused without echoing them.
        attempt(() -> BitbucketToken.of(CANARY + " trailing", "acme", "website"));
        attempt(() -> BitbucketToken.of(CANARY + "\n\n", "acme", "website"));

        handedOut.add(engine.removeBitbucketCredential(own));
        handedOut.add(engine.removeBitbucketCredential(managed));
        handedOut.add(new GitCredentialSpec("bitbucketCloud", "x-token-auth", canary.secret(), null, null));

        assertThat(failures).hasSizeGreaterThanOrEqualTo(7);
        assertThat(logLines).as("captured log lines").isNotEmpty();
        assertThat(logLines).anySatisfy(line -> assertThat(line).contains("git-credentials"));
        List<String> secrets = List.of(CANARY, verified, fx.spPat, fx.managerPat, legacyPat);
        for (String secret : secrets) {
            // Plain filters rather than noneSatisfy: thousands of lines, each a failed assertion otherwise.
            assertThat(logLines.stream().filter(line -> line.contains(secret))).isEmpty();
            assertThat(failures.stream().map(SecretCanaryTest::everyMessage).filter(m -> m.contains(secret)))
                    .isEmpty();
            assertThat(handedOut.stream().map(String::valueOf).filter(text -> text.contains(secret)))
                    .isEmpty();
            assertThat(progress.stream().filter(line -> line.contains(secret))).isEmpty();
        }
        assertThat(logLines.size()).as("captured log lines").isGreaterThan(100);
    }

    private interface Scenario {
        Object run() throws Exception;
    }

    private void attempt(Scenario scenario) {
        try {
            handedOut.add(scenario.run());
        } catch (Exception e) {
            failures.add(e);
        }
    }

    /** Messages, {@code toString()} and stack traces of a throwable, its causes and suppressed ones. */
    private static String everyMessage(Throwable failure) {
        StringBuilder all = new StringBuilder();
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        all.append(trace);
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> queue = new ArrayList<>(List.of(failure));
        while (!queue.isEmpty()) {
            Throwable t = queue.remove(0);
            if (!seen.add(t)) {
                continue;
            }
            all.append('\n')
                    .append(t)
                    .append('\n')
                    .append(t.getMessage())
                    .append('\n')
                    .append(t.getLocalizedMessage());
            if (t.getCause() != null) {
                queue.add(t.getCause());
            }
            queue.addAll(List.of(t.getSuppressed()));
        }
        return all.toString();
    }
}

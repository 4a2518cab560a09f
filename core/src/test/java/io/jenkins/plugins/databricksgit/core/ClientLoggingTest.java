package io.jenkins.plugins.databricksgit.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.databricksgit.testkit.DatabricksEmulator;
import io.jenkins.plugins.databricksgit.testkit.EmulatedPrincipal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class ClientLoggingTest {
    @Test
    void logsMethodPathAndStatusAtFineButNoQuery() throws Exception {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger("io.jenkins.plugins.databricksgit.core.internal");
        Level old = logger.getLevel();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        h.setLevel(Level.ALL);
        logger.setLevel(Level.FINE);
        logger.addHandler(h);
        try (DatabricksEmulator emulator = DatabricksEmulator.start()) {
            EmulatedPrincipal admin = emulator.addUser("admin@example.com", "Admin");
            EmulatedPrincipal sp = emulator.addServicePrincipal("bot");
            emulator.grantManager(admin, sp);
            DatabricksClient c = new DatabricksClient(
                    WorkspaceUrl.parse(emulator.url()),
                    DatabricksAuth.bearerToken(SecretValue.of(emulator.issuePat(admin))),
                    ClientSettings.defaults());
            c.listGitCredentials(sp.id());
        } finally {
            logger.removeHandler(h);
            logger.setLevel(old);
        }
        assertThat(records)
                .anySatisfy(r -> {
                    assertThat(r.getLevel()).isEqualTo(Level.FINE);
                    assertThat(r.getMessage()).startsWith("GET /api/2.0/git-credentials -> 200");
                })
                .noneSatisfy(r -> assertThat(r.getMessage()).contains("principal_id"));
    }
}

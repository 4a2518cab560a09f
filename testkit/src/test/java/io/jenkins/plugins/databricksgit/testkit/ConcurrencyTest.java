package io.jenkins.plugins.databricksgit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
    private static final String PATH = "/api/2.0/git-credentials";

    private static <T> List<T> inParallel(int n, Function<Integer, T> task) throws Exception {
        return inParallel(n, n, task);
    }

    private static <T> List<T> inParallel(int threads, int n, Function<Integer, T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return task.apply(index);
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void hundredParallelCreatesForOneServicePrincipalYieldOneSuccess() throws Exception {
        try (DatabricksEmulator emulator = DatabricksEmulator.start()) {
            Http http = new Http(emulator);
            EmulatedPrincipal sp = emulator.addServicePrincipal("ci-deployer");
            String pat = emulator.issuePat(sp);

            List<Integer> statuses = inParallel(100, i -> {
                try {
                    return http.post(
                                    PATH,
                                    pat,
                                    "{\"git_provider\":\"bitbucketCloud\",\"personal_access_token\":\"token-" + i
                                            + "\"}")
                            .status();
                } catch (Exception e) {
                    return -1;
                }
            });

            Map<Integer, Long> byStatus =
                    statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
            assertThat(byStatus).containsOnlyKeys(200, 409);
            assertThat(byStatus.get(200)).isEqualTo(1);
            assertThat(byStatus.get(409)).isEqualTo(99);
            assertThat(emulator.gitCredentials(sp)).hasSize(1);
            assertThat(emulator.requestCount(Endpoint.GIT_CREDENTIALS_CREATE)).isEqualTo(100);
        }
    }

    @Test
    void interleavedUpsertsOverHttpsLoseNoUpdate() throws Exception {
        try (DatabricksEmulator emulator = DatabricksEmulator.startHttps()) {
            Http http = new Http(emulator);
            EmulatedPrincipal manager = emulator.addUser("alice@example.com", "Alice");
            String pat = emulator.issuePat(manager);
            List<EmulatedPrincipal> sps = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                EmulatedPrincipal sp = emulator.addServicePrincipal("sp-" + i);
                emulator.grantManager(manager, sp);
                sps.add(sp);
            }

            // Each SP gets 30 create-or-patch cycles; the last write per SP must be one of the tokens sent to it.
            // 32 threads: TLS handshakes for a fresh connection per task would dominate the run time on a small
            // machine.
            List<Integer> statuses = inParallel(32, 120, i -> {
                EmulatedPrincipal sp = sps.get(i % 4);
                String body = "{\"git_provider\":\"bitbucketCloud\",\"personal_access_token\":\"tok-" + i
                        + "\",\"principal_id\":" + sp.id() + "}";
                try {
                    int status = http.post(PATH, pat, body).status();
                    if (status == 409) {
                        Http.Answer list = http.get(PATH + "?principal_id=" + sp.id(), pat);
                        long id = list.json()
                                .get("credentials")
                                .get(0)
                                .get("credential_id")
                                .asLong();
                        status = http.patch(PATH + "/" + id, pat, body).status();
                    }
                    return status;
                } catch (Exception e) {
                    return -1;
                }
            });

            assertThat(statuses).containsOnly(200);
            for (int s = 0; s < 4; s++) {
                int spIndex = s;
                assertThat(emulator.gitCredentials(sps.get(s))).singleElement().satisfies(c -> {
                    int writer = Integer.parseInt(c.token().substring(4));
                    assertThat(writer % 4).isEqualTo(spIndex);
                });
            }
            assertThat(emulator.requestCount(Endpoint.GIT_CREDENTIALS_CREATE)).isEqualTo(120);
            assertThat(emulator.requestCount(Endpoint.GIT_CREDENTIALS_UPDATE)).isEqualTo(116);
        }
    }
}

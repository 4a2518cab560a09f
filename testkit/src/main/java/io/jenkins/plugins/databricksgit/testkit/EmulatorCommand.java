package io.jenkins.plugins.databricksgit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Runs the emulator as a standalone local server. It prints the URL and every credential it generated: the secrets
 * are fake and exist only in this process, and printing them is what makes the server usable from other programs.
 */
@Command(
        name = "databricks-emulator",
        mixinStandardHelpOptions = true,
        versionProvider = EmulatorCommand.ManifestVersion.class,
        sortOptions = false,
        description = {
            "Local emulator of the Databricks workspace APIs used for Git credentials (OAuth M2M, SCIM, "
                    + "git-credentials) and of Bitbucket Cloud's repository endpoint. Prints the URL and the "
                    + "generated (fake) credentials, then serves until killed.",
            "",
            "Every user given by flags manages every service principal given by flags, so a user's PAT can act "
                    + "on them with principal_id. Principals, tokens and managers can also come from a JSON file "
                    + "(--config); see docs/emulator.md.",
            ""
        })
public final class EmulatorCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(
            names = {"-p", "--port"},
            paramLabel = "N",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).",
            defaultValue = "8080")
    private int port;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            description = "Local address to listen on (default: ${DEFAULT-VALUE}).",
            defaultValue = "127.0.0.1")
    private String bind;

    @Option(names = "--https", description = "Serve HTTPS with a generated self-signed certificate.")
    private boolean https;

    @Option(
            names = "--certificate-out",
            paramLabel = "FILE",
            description = "With --https: write the certificate (PEM) there, for clients to trust.")
    private Path certificateOut;

    @Option(names = "--config", paramLabel = "FILE", description = "JSON file with principals, tokens and settings.")
    private Path config;

    @Option(
            names = "--service-principal",
            paramLabel = "NAME",
            description = "Add a service principal with a PAT and an OAuth secret (repeatable).")
    private List<String> servicePrincipals = new ArrayList<>();

    @Option(
            names = "--user",
            paramLabel = "NAME",
            description = "Add a user (its userName) with a PAT, manager of all flag service principals (repeatable).")
    private List<String> users = new ArrayList<>();

    @Option(
            names = "--bitbucket-token",
            paramLabel = "WORKSPACE/REPO",
            description = "Issue a Bitbucket repository access token with Repositories: Read (repeatable).")
    private List<String> bitbucketTokens = new ArrayList<>();

    @Option(
            names = "--oauth-token-lifetime",
            paramLabel = "SECONDS",
            description = "Lifetime of OAuth access tokens (default: 3600).")
    private Long oauthTokenLifetime;

    @Option(names = "--legacy-one-credential", description = "Allow one Git credential per principal in total.")
    private boolean legacy;

    @Option(
            names = {"-v", "--verbose"},
            description = "Print one line per request (method, path, status).")
    private boolean verbose;

    /** The version Maven wrote into the standalone jar's manifest. */
    static final class ManifestVersion implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = EmulatorCommand.class.getPackage().getImplementationVersion();
            return new String[] {"databricks-emulator " + (version == null ? "(development build)" : version)};
        }
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new EmulatorCommand()).setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getErr()
                    .println("databricks-emulator: " + e.getMessage()
                            + (e.getCause() != null ? ": " + e.getCause().getMessage() : ""));
            return 1;
        });
    }

    @Override
    public Integer call() throws Exception {
        DatabricksEmulator emulator = startConfigured();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /** Starts the emulator as configured and prints what a client needs; the caller owns the result. */
    DatabricksEmulator startConfigured() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        JsonNode file = config == null ? null : readConfig(config);
        for (String target : bitbucketTokens) {
            if (target.split("/", -1).length != 2 || target.startsWith("/") || target.endsWith("/")) {
                throw new ParameterException(
                        spec.commandLine(), "--bitbucket-token expects WORKSPACE/REPO, got: " + target);
            }
        }
        DatabricksEmulator emulator = DatabricksEmulator.start(InetAddress.getByName(bind), port, https);
        try {
            if (verbose) {
                emulator.setAccessLog(line -> {
                    out.println(line);
                    out.flush();
                });
            }
            out.println("Databricks emulator listening on " + emulator.url());
            out.println("  workspace URL:      " + emulator.url());
            out.println("  Bitbucket API URL:  " + emulator.bitbucketApiUrl());
            if (https) {
                if (certificateOut != null) {
                    Files.writeString(certificateOut, emulator.certificatePem(), StandardCharsets.UTF_8);
                    out.println("  certificate (PEM):  " + certificateOut.toAbsolutePath());
                } else {
                    out.println("  certificate (PEM), trust it in clients:");
                    out.print(emulator.certificatePem());
                }
            }
            if (legacy) {
                emulator.setLegacyOneCredentialPerUser(true);
            }
            if (oauthTokenLifetime != null) {
                emulator.setOAuthTokenLifetime(Duration.ofSeconds(oauthTokenLifetime));
            }
            if (file != null) {
                applyConfig(emulator, file, out);
            }
            List<EmulatedPrincipal> flagSps = new ArrayList<>();
            for (String name : servicePrincipals) {
                EmulatedPrincipal sp = emulator.addServicePrincipal(name);
                flagSps.add(sp);
                printPrincipal(out, sp);
                out.println("    PAT:              " + emulator.issuePat(sp));
                OAuthClient client = emulator.issueOAuthSecret(sp);
                out.println("    OAuth client id:  " + client.clientId());
                out.println("    OAuth secret:     " + client.clientSecret());
            }
            for (String name : users) {
                EmulatedPrincipal user = emulator.addUser(name, name);
                printPrincipal(out, user);
                out.println("    PAT:              " + emulator.issuePat(user));
                for (EmulatedPrincipal sp : flagSps) {
                    emulator.grantManager(user, sp);
                    out.println("    manages:          " + sp.displayName() + " (" + sp.id() + ")");
                }
            }
            for (String target : bitbucketTokens) {
                String[] parts = target.split("/");
                String token = emulator.addBitbucketRepositoryToken(parts[0], parts[1], Set.of("repository"));
                out.println("Bitbucket repository access token for " + target + " (repository): " + token);
            }
            out.flush();
            return emulator;
        } catch (RuntimeException | IOException e) {
            emulator.close();
            throw e;
        }
    }

    private JsonNode readConfig(Path path) {
        try {
            JsonNode node = Json.MAPPER.readTree(path.toFile());
            if (node == null || !node.isObject()) {
                throw new ParameterException(spec.commandLine(), "--config: " + path + " is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--config: cannot read " + path + ": " + e.getMessage());
        }
    }

    private void applyConfig(DatabricksEmulator emulator, JsonNode config, PrintWriter out) {
        if (config.path("legacyOneCredentialPerUser").asBoolean(false)) {
            emulator.setLegacyOneCredentialPerUser(true);
        }
        if (config.has("oauthTokenLifetimeSeconds") && oauthTokenLifetime == null) {
            emulator.setOAuthTokenLifetime(
                    Duration.ofSeconds(config.get("oauthTokenLifetimeSeconds").asLong()));
        }
        Map<String, EmulatedPrincipal> byName = new HashMap<>();
        for (JsonNode sp : config.path("servicePrincipals")) {
            String displayName = requiredText(sp, "displayName", "servicePrincipals[]");
            long id = sp.has("id") ? sp.get("id").asLong() : 0;
            if (id <= 0 && sp.has("applicationId")) {
                throw new ParameterException(
                        spec.commandLine(), "--config: servicePrincipals[] with applicationId needs an id too");
            }
            String applicationId = sp.has("applicationId")
                    ? sp.get("applicationId").asText()
                    : UUID.randomUUID().toString();
            EmulatedPrincipal p = id > 0
                    ? emulator.addServicePrincipal(id, applicationId, displayName)
                    : emulator.addServicePrincipal(displayName);
            byName.put(displayName, p);
            byName.put(p.applicationId(), p);
            printPrincipal(out, p);
            printPats(emulator, p, sp.path("pats"), out);
            JsonNode secrets = sp.path("oauthSecrets");
            if (secrets.isMissingNode() || secrets.isNull()) {
                secrets = Json.MAPPER.createArrayNode().add(true);
            }
            for (JsonNode secret : secrets) {
                OAuthClient client = secret.isTextual()
                        ? emulator.registerOAuthSecret(p, secret.asText())
                        : emulator.issueOAuthSecret(p);
                out.println("    OAuth client id:  " + client.clientId());
                out.println("    OAuth secret:     " + client.clientSecret());
            }
        }
        for (JsonNode user : config.path("users")) {
            String userName = requiredText(user, "userName", "users[]");
            EmulatedPrincipal p =
                    emulator.addUser(userName, user.path("displayName").asText(userName));
            printPrincipal(out, p);
            printPats(emulator, p, user.path("pats"), out);
            for (JsonNode managed : user.path("manages")) {
                EmulatedPrincipal sp = byName.get(managed.asText());
                if (sp == null) {
                    throw new ParameterException(
                            spec.commandLine(),
                            "--config: user " + userName + " manages unknown service principal " + managed.asText());
                }
                emulator.grantManager(p, sp);
                out.println("    manages:          " + sp.displayName() + " (" + sp.id() + ")");
            }
        }
        for (JsonNode t : config.path("bitbucketTokens")) {
            String workspace = requiredText(t, "workspace", "bitbucketTokens[]");
            String repository = requiredText(t, "repository", "bitbucketTokens[]");
            Set<String> scopes = new LinkedHashSet<>();
            t.path("scopes").forEach(s -> scopes.add(s.asText()));
            if (!t.has("scopes")) {
                scopes.add("repository");
            }
            String token = t.hasNonNull("token")
                    ? emulator.registerBitbucketRepositoryToken(
                            workspace, repository, scopes, t.get("token").asText())
                    : emulator.addBitbucketRepositoryToken(workspace, repository, scopes);
            out.println("Bitbucket repository access token for " + workspace + "/" + repository + " " + scopes + ": "
                    + token);
        }
    }

    private static void printPats(DatabricksEmulator emulator, EmulatedPrincipal p, JsonNode pats, PrintWriter out) {
        if (pats.isMissingNode() || pats.isNull()) {
            pats = Json.MAPPER.createArrayNode().add(true);
        }
        for (JsonNode pat : pats) {
            String token = pat.isTextual() ? emulator.registerPat(p, pat.asText()) : emulator.issuePat(p);
            out.println("    PAT:              " + token);
        }
    }

    private String requiredText(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new ParameterException(spec.commandLine(), "--config: " + where + " needs \"" + field + "\"");
        }
        return value.asText();
    }

    private static void printPrincipal(PrintWriter out, EmulatedPrincipal p) {
        if (p.servicePrincipal()) {
            out.println("Service principal \"" + p.displayName() + "\"");
            out.println("    id:               " + p.id());
            out.println("    applicationId:    " + p.applicationId());
        } else {
            out.println("User " + p.userName());
            out.println("    id:               " + p.id());
        }
    }
}

package io.jenkins.plugins.databricksgit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

    /** Exit code of every start-up failure: a bad flag, a bad config file, a port that cannot be listened on. */
    static final int USAGE = 2;

    /** Keys a config file may have; anything else is a typo that would otherwise be ignored silently. */
    private static final Set<String> CONFIG_KEYS = Set.of(
            "legacyOneCredentialPerUser", "oauthTokenLifetimeSeconds", "servicePrincipals", "users", "bitbucketTokens");

    private static final Set<String> SERVICE_PRINCIPAL_KEYS =
            Set.of("displayName", "id", "applicationId", "pats", "oauthSecrets");
    private static final Set<String> USER_KEYS = Set.of("userName", "displayName", "pats", "manages");
    private static final Set<String> BITBUCKET_TOKEN_KEYS = Set.of("workspace", "repository", "scopes", "token");

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line: every start-up failure (picocli's own parse errors included) is one line on standard error
     * and exit code 2, and nothing reaches standard output before the emulator listens with everything applied.
     */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new EmulatorCommand());
        commandLine.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("databricks-emulator: " + oneLine(ex.getMessage()) + " (see --help)");
            ex.getCommandLine().getErr().flush();
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            cmd.getErr().println("databricks-emulator: " + oneLine(message));
            cmd.getErr().flush();
            return USAGE;
        });
        return commandLine;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
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

    /**
     * Checks every flag and the config file, starts the emulator, applies the configuration, and only then prints
     * what a client needs, in one go: a script waiting for the "listening" line never sees it for a server that is
     * about to fail. Any failure closes the emulator and ends as a {@link ParameterException}.
     */
    DatabricksEmulator startConfigured() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        checkFlags();
        JsonNode file = config == null ? null : readConfig(config);
        if (file != null) {
            checkConfig(file);
        }
        InetAddress address = bindAddress();
        DatabricksEmulator emulator;
        try {
            emulator = DatabricksEmulator.start(address, port, https);
        } catch (UncheckedIOException e) {
            Throwable cause = e.getCause();
            String why = cause instanceof BindException
                    ? "port " + port + " on " + bind + " cannot be listened on (" + cause.getMessage()
                            + "): it is probably in use; choose another with --port, or --port 0 for a free one"
                    : "cannot listen on " + bind + ":" + port + ": " + (cause == null ? e.getMessage() : cause);
            throw new ParameterException(spec.commandLine(), why, e);
        }
        StringWriter buffer = new StringWriter();
        try {
            configure(emulator, file, new PrintWriter(buffer));
        } catch (ParameterException e) {
            emulator.close();
            throw e;
        } catch (RuntimeException | IOException e) {
            emulator.close();
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        out.print(buffer);
        out.flush();
        if (verbose) {
            emulator.setAccessLog(line -> {
                out.println(line);
                out.flush();
            });
        }
        return emulator;
    }

    private void checkFlags() {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, got " + port);
        }
        if (certificateOut != null && !https) {
            throw new ParameterException(spec.commandLine(), "--certificate-out needs --https");
        }
        if (oauthTokenLifetime != null && oauthTokenLifetime <= 0) {
            throw new ParameterException(
                    spec.commandLine(), "--oauth-token-lifetime must be a positive number of seconds");
        }
        for (String target : bitbucketTokens) {
            if (target.split("/", -1).length != 2 || target.startsWith("/") || target.endsWith("/")) {
                throw new ParameterException(
                        spec.commandLine(), "--bitbucket-token expects WORKSPACE/REPO, got: " + target);
            }
        }
        for (String name : servicePrincipals) {
            if (name.isBlank()) {
                throw new ParameterException(spec.commandLine(), "--service-principal needs a name");
            }
        }
        for (String name : users) {
            if (name.isBlank()) {
                throw new ParameterException(spec.commandLine(), "--user needs a name");
            }
        }
    }

    private InetAddress bindAddress() {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), "--bind " + bind + " is not a known address");
        }
    }

    /** Everything after listening, written to {@code out} (a buffer until it all worked). */
    private void configure(DatabricksEmulator emulator, JsonNode file, PrintWriter out) throws IOException {
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
    }

    /** The config file's shape, checked before anything listens. */
    private void checkConfig(JsonNode config) {
        keys(config, CONFIG_KEYS, "the top level");
        JsonNode lifetime = config.get("oauthTokenLifetimeSeconds");
        if (lifetime != null && (!lifetime.canConvertToLong() || lifetime.asLong() <= 0)) {
            throw configError("oauthTokenLifetimeSeconds must be a positive number of seconds");
        }
        JsonNode legacyFlag = config.get("legacyOneCredentialPerUser");
        if (legacyFlag != null && !legacyFlag.isBoolean()) {
            throw configError("legacyOneCredentialPerUser must be true or false");
        }
        Set<String> spNames = new HashSet<>();
        for (JsonNode sp : array(config, "servicePrincipals")) {
            keys(sp, SERVICE_PRINCIPAL_KEYS, "servicePrincipals[]");
            String name = requiredText(sp, "displayName", "servicePrincipals[]");
            if (sp.has("id")
                    && (!sp.get("id").canConvertToLong() || sp.get("id").asLong() <= 0)) {
                throw configError("servicePrincipals[] \"" + name + "\": id must be a positive number");
            }
            if (sp.has("applicationId") && !sp.has("id")) {
                throw configError("servicePrincipals[] with applicationId needs an id too");
            }
            spNames.add(name);
            if (sp.hasNonNull("applicationId")) {
                spNames.add(sp.get("applicationId").asText());
            }
        }
        for (JsonNode user : array(config, "users")) {
            keys(user, USER_KEYS, "users[]");
            String userName = requiredText(user, "userName", "users[]");
            for (JsonNode managed : array(user, "manages")) {
                if (!spNames.contains(managed.asText())) {
                    throw configError("user " + userName + " manages unknown service principal " + managed.asText());
                }
            }
        }
        for (JsonNode t : array(config, "bitbucketTokens")) {
            keys(t, BITBUCKET_TOKEN_KEYS, "bitbucketTokens[]");
            requiredText(t, "workspace", "bitbucketTokens[]");
            requiredText(t, "repository", "bitbucketTokens[]");
        }
    }

    private Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw configError("\"" + field + "\" must be a JSON array");
        }
        return value;
    }

    private void keys(JsonNode node, Set<String> allowed, String where) {
        if (!node.isObject()) {
            throw configError(where + " must be a JSON object");
        }
        for (var it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw configError(
                        "unknown key \"" + key + "\" in " + where + " (known: " + new TreeSet<>(allowed) + ")");
            }
        }
    }

    private ParameterException configError(String message) {
        return new ParameterException(spec.commandLine(), "--config " + config + ": " + message);
    }

    private JsonNode readConfig(Path path) {
        try {
            JsonNode node = Json.MAPPER.readTree(path.toFile());
            if (node == null || !node.isObject()) {
                throw new ParameterException(spec.commandLine(), "--config: " + path + " is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new ParameterException(
                    spec.commandLine(), "--config: cannot read " + path + ": " + oneLine(e.getMessage()));
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

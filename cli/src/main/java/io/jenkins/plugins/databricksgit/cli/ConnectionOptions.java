package io.jenkins.plugins.databricksgit.cli;

import io.jenkins.plugins.databricksgit.core.BitbucketClient;
import io.jenkins.plugins.databricksgit.core.ClientSettings;
import io.jenkins.plugins.databricksgit.core.DatabricksAuth;
import io.jenkins.plugins.databricksgit.core.DatabricksClient;
import io.jenkins.plugins.databricksgit.core.PushInputs;
import io.jenkins.plugins.databricksgit.core.SecretValue;
import io.jenkins.plugins.databricksgit.core.WorkspaceUrl;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where and as whom to connect, resolved as Databricks unified authentication does: command-line flags first, then
 * environment variables ({@code DATABRICKS_HOST}, {@code DATABRICKS_TOKEN}, {@code DATABRICKS_CLIENT_ID},
 * {@code DATABRICKS_CLIENT_SECRET}), then the profile of {@code ~/.databrickscfg}. A profile named with
 * {@code --profile} is an explicit choice and so wins over the environment.
 */
final class ConnectionOptions {
    @Option(
            names = "--host",
            paramLabel = "<url>",
            description = "Databricks workspace URL (default: DATABRICKS_HOST, or the profile's host).")
    String host;

    @Option(
            names = "--profile",
            paramLabel = "<name>",
            description = "Profile of the Databricks configuration file (default: DATABRICKS_CONFIG_PROFILE, "
                    + "or DEFAULT).")
    String profile;

    @Option(
            names = {"--service-principal", "--sp"},
            paramLabel = "<id>",
            description = "Service principal to act on (applicationId UUID or numeric id), when authenticated as "
                    + "its manager. Omit when authenticated as the service principal itself.")
    String servicePrincipal;

    @Mixin
    NetworkOptions network = new NetworkOptions();

    /** A resolved connection; holds secrets only inside {@link DatabricksAuth}. */
    record Connection(
            WorkspaceUrl workspace, DatabricksAuth auth, ClientSettings settings, String source, List<String> notes) {
        DatabricksClient client() {
            return new DatabricksClient(workspace, auth, settings);
        }
    }

    ClientSettings settings(CliEnvironment environment, Output output) {
        return network.settings(environment, output);
    }

    BitbucketClient bitbucket(CliEnvironment environment, String apiUrl, Output output) {
        return network.bitbucket(environment, apiUrl, output);
    }

    /** Resolves the connection and tells the user what the resolution noticed (ignored settings, fallbacks). */
    Connection resolve(CliEnvironment environment, Output output) {
        try {
            PushInputs.servicePrincipal(PushInputs.Fields.COMMAND_LINE, servicePrincipal);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        Connection resolved = resolveQuietly(environment, output);
        resolved.notes().forEach(output::warn);
        return resolved;
    }

    private Connection resolveQuietly(CliEnvironment environment, Output output) {
        List<String> notes = new ArrayList<>();
        Path file = configFile(environment);
        DatabricksConfigFile config;
        try {
            config = DatabricksConfigFile.read(file);
        } catch (IOException e) {
            throw CliException.usage("cannot read " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        String profileName = profile != null ? profile : environment.get("DATABRICKS_CONFIG_PROFILE");
        Map<String, String> profileValues = Map.of();
        String profileLabel = null;
        if (profileName != null) {
            profileValues = config.profile(profileName);
            if (profileValues == null) {
                throw CliException.usage("profile '" + profileName + "' is not in " + file
                        + (config.exists() ? "" : " (the file does not exist; set DATABRICKS_CONFIG_FILE?)"));
            }
            profileLabel = "profile " + profileName + " in " + file;
        } else if (config.profile(DatabricksConfigFile.DEFAULT_PROFILE) != null) {
            profileValues = config.profile(DatabricksConfigFile.DEFAULT_PROFILE);
            profileLabel = "profile " + DatabricksConfigFile.DEFAULT_PROFILE + " in " + file;
        }

        Layer env = new Layer(
                "environment",
                environment.get("DATABRICKS_HOST"),
                environment.get("DATABRICKS_TOKEN"),
                environment.get("DATABRICKS_CLIENT_ID"),
                environment.get("DATABRICKS_CLIENT_SECRET"),
                environment.get("DATABRICKS_AUTH_TYPE"));
        Layer prof = new Layer(
                profileLabel,
                blankToNull(profileValues.get("host")),
                blankToNull(profileValues.get("token")),
                blankToNull(profileValues.get("client_id")),
                blankToNull(profileValues.get("client_secret")),
                blankToNull(profileValues.get("auth_type")));
        List<Layer> layers = profile != null ? List.of(prof, env) : List.of(env, prof);

        String rawHost = host;
        if (rawHost == null) {
            for (Layer layer : layers) {
                if (layer.host != null) {
                    rawHost = layer.host;
                    break;
                }
            }
        }
        if (rawHost == null) {
            throw CliException.usage("no Databricks workspace: give --host, set DATABRICKS_HOST, or add host = "
                    + "to a profile in " + file);
        }
        WorkspaceUrl workspace;
        try {
            workspace = WorkspaceUrl.parse(rawHost);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        for (String dropped : workspace.dropped()) {
            // As the Jenkins steps say it: a URL pasted from the browser has an unambiguous host.
            notes.add("using " + workspace.url() + " (ignored " + dropped
                    + "): a Databricks workspace URL is the address of the workspace only");
        }

        for (Layer layer : layers) {
            DatabricksAuth auth = layer.auth();
            if (auth != null) {
                return new Connection(workspace, auth, settings(environment, output), layer.name, notes);
            }
        }
        throw CliException.usage("no Databricks credentials: set DATABRICKS_TOKEN, or DATABRICKS_CLIENT_ID and "
                + "DATABRICKS_CLIENT_SECRET, or token = (or client_id = and client_secret =) in a profile of "
                + file);
    }

    Path configFile(CliEnvironment environment) {
        String configured = environment.get("DATABRICKS_CONFIG_FILE");
        if (configured == null) {
            return environment.home().resolve(".databrickscfg");
        }
        if (configured.equals("~")) {
            return environment.home();
        }
        if (configured.startsWith("~/")) {
            return environment.home().resolve(configured.substring(2));
        }
        return Path.of(configured);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private record Layer(
            String name, String host, String token, String clientId, String clientSecret, String authType) {
        DatabricksAuth auth() {
            if (name == null) {
                return null;
            }
            boolean oauth = clientId != null || clientSecret != null;
            if (token != null && oauth) {
                throw CliException.usage("more than one authentication method in the " + name
                        + ": a token and OAuth client credentials; keep one");
            }
            if (token != null) {
                return DatabricksAuth.bearerToken(SecretValue.of(token));
            }
            if (oauth) {
                if (clientId == null || clientSecret == null) {
                    throw CliException.usage("OAuth needs both a client id and a client secret (the " + name
                            + " has only the " + (clientId == null ? "secret" : "client id") + ")");
                }
                return DatabricksAuth.oauthClientCredentials(clientId, SecretValue.of(clientSecret));
            }
            if (authType != null && !authType.equals("pat") && !authType.equals("oauth-m2m")) {
                throw CliException.usage("auth_type '" + authType + "' (" + name + ") is not supported; use a "
                        + "personal access token or OAuth client id and secret");
            }
            return null;
        }

        @Override
        public String toString() {
            return "Layer[" + name + "]";
        }
    }
}

package io.jenkins.plugins.databricksgit.cli;

import io.jenkins.plugins.databricksgit.core.BitbucketClient;
import io.jenkins.plugins.databricksgit.core.ClientSettings;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How to reach a server at all (Databricks or Bitbucket): extra trusted certificates, timeouts, retry bound. */
final class NetworkOptions {
    @Option(
            names = "--ca-cert",
            paramLabel = "<pem-file>",
            description = "Extra trusted CA certificates (PEM), e.g. of a TLS-inspecting proxy.")
    Path caCert;

    @Option(
            names = "--connect-timeout",
            paramLabel = "<duration>",
            converter = DurationConverter.class,
            description = "TCP/TLS connect timeout, e.g. 10s.")
    Duration connectTimeout;

    @Option(
            names = "--read-timeout",
            paramLabel = "<duration>",
            converter = DurationConverter.class,
            description = "Timeout for each response, e.g. 60s (default: DATABRICKS_HTTP_TIMEOUT_SECONDS, or 60s).")
    Duration readTimeout;

    @Option(
            names = "--max-retry-time",
            paramLabel = "<duration>",
            converter = DurationConverter.class,
            description = "Give up retrying rate-limited or unavailable calls after this long, e.g. 2m.")
    Duration maxRetryTime;

    /**
     * Settings without a workspace, enough for Bitbucket calls. Retries show as progress lines, so that a call
     * waiting out a {@code Retry-After} does not look hung.
     */
    ClientSettings settings(CliEnvironment environment, Output output) {
        ClientSettings.Builder builder = ClientSettings.builder();
        builder.baseClient(HttpClients.build(environment, caCert));
        builder.retryListener(retry -> output.progress(retry + "..."));
        if (connectTimeout != null) {
            builder.connectTimeout(connectTimeout);
        }
        Duration read = readTimeout;
        if (read == null) {
            String seconds = environment.get("DATABRICKS_HTTP_TIMEOUT_SECONDS");
            if (seconds != null) {
                read = secondsOf(seconds, "DATABRICKS_HTTP_TIMEOUT_SECONDS");
            }
        }
        if (read != null) {
            builder.readTimeout(read);
        }
        if (maxRetryTime != null) {
            builder.maxRetryTime(maxRetryTime);
        }
        return builder.build();
    }

    BitbucketClient bitbucket(CliEnvironment environment, String apiUrl, Output output) {
        return new BitbucketClient(apiUrl, settings(environment, output));
    }

    private static Duration secondsOf(String value, String variable) {
        try {
            return Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            throw CliException.usage(variable + " must be a whole number of seconds");
        }
    }
}

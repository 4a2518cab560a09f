package io.jenkins.plugins.databricksgit.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the tool reads from the process it runs in. Tests pass their own, so that no test depends on (or
 * leaks into) the real environment, home directory or standard input.
 *
 * @param env environment variables
 * @param home the user's home directory, where {@code .databrickscfg} lives by default
 * @param stdin standard input, for {@code --token-stdin}
 * @param shutdownHooks where {@code run} registers the removal that must also happen on SIGINT/SIGTERM
 */
public record CliEnvironment(Map<String, String> env, Path home, InputStream stdin, ShutdownHooks shutdownHooks) {

    public CliEnvironment {
        env = Map.copyOf(env);
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(shutdownHooks, "shutdownHooks");
    }

    /** The real process environment. */
    public static CliEnvironment system() {
        return new CliEnvironment(
                System.getenv(), Path.of(System.getProperty("user.home")), System.in, ShutdownHooks.runtime());
    }

    /** The value of an environment variable, or {@code null} when unset or blank. */
    public String get(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** The first of several spellings that is set (e.g. {@code HTTPS_PROXY}, {@code https_proxy}). */
    public String first(String... names) {
        for (String name : names) {
            String value = get(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    public CliEnvironment withEnv(Map<String, String> replacement) {
        return new CliEnvironment(replacement, home, stdin, shutdownHooks);
    }

    /** Registration of work that must run when the JVM is asked to stop. */
    public interface ShutdownHooks {
        /** Registers {@code hook}; the returned handle unregisters it once the work was done normally. */
        Registration register(Runnable hook);

        interface Registration {
            void unregister();
        }

        static ShutdownHooks runtime() {
            return hook -> {
                Thread thread = new Thread(hook, "databricks-git-credential-cleanup");
                Runtime.getRuntime().addShutdownHook(thread);
                return () -> {
                    try {
                        Runtime.getRuntime().removeShutdownHook(thread);
                    } catch (IllegalStateException shuttingDown) {
                        // The hook runs (or ran) anyway; its work is idempotent.
                    }
                };
            };
        }
    }
}

package io.jenkins.plugins.databricksgit.cli;

import java.io.Console;
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
 * @param terminal reads a secret without echo when standard input is a terminal, or {@code null} when it is not
 */
public record CliEnvironment(
        Map<String, String> env, Path home, InputStream stdin, ShutdownHooks shutdownHooks, Terminal terminal) {

    public CliEnvironment {
        env = Map.copyOf(env);
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(shutdownHooks, "shutdownHooks");
    }

    public CliEnvironment(Map<String, String> env, Path home, InputStream stdin, ShutdownHooks shutdownHooks) {
        this(env, home, stdin, shutdownHooks, null);
    }

    /** The real process environment. */
    public static CliEnvironment system() {
        Console console = interactiveConsole();
        return new CliEnvironment(
                System.getenv(),
                Path.of(System.getProperty("user.home")),
                System.in,
                ShutdownHooks.runtime(),
                console == null ? null : prompt -> console.readPassword("%s", prompt));
    }

    /**
     * The console when standard input and output are a terminal. Java 22 and later return a console for redirected
     * streams too and tell by {@code isTerminal()}, which Java 17 lacks (there, a console means a terminal).
     */
    private static Console interactiveConsole() {
        Console console = System.console();
        if (console == null) {
            return null;
        }
        try {
            Object terminal = Console.class.getMethod("isTerminal").invoke(console);
            return Boolean.TRUE.equals(terminal) ? console : null;
        } catch (ReflectiveOperationException e) {
            return console;
        }
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

    /** An interactive terminal: the token typed after {@code --token-stdin} is not echoed. */
    public interface Terminal {
        /** @return the line typed, or {@code null} at end of input */
        char[] readSecret(String prompt);
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

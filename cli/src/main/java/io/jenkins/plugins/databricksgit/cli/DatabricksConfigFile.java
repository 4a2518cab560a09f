package io.jenkins.plugins.databricksgit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The profiles of a {@code .databrickscfg} file, in the INI dialect the Databricks CLI and SDKs write: {@code [name]}
 * sections of {@code key = value} lines, {@code #} and {@code ;} comments, keys case-insensitive.
 */
final class DatabricksConfigFile {
    /** The profile used when none is named. */
    static final String DEFAULT_PROFILE = "DEFAULT";

    private final Path path;
    private final Map<String, Map<String, String>> profiles;

    private DatabricksConfigFile(Path path, Map<String, Map<String, String>> profiles) {
        this.path = path;
        this.profiles = profiles;
    }

    /** Reads the file, or returns an empty one when it does not exist. */
    static DatabricksConfigFile read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            return new DatabricksConfigFile(path, Map.of());
        }
        return parse(path, Files.readString(path, StandardCharsets.UTF_8));
    }

    static DatabricksConfigFile parse(Path path, String text) {
        Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
        Map<String, String> current = null;
        int lineNumber = 0;
        for (String raw : text.split("\r?\n", -1)) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    throw new IllegalArgumentException(
                            path + " line " + lineNumber + ": a section header must look like [profile-name]");
                }
                current = profiles.computeIfAbsent(
                        line.substring(1, line.length() - 1).strip(), k -> new LinkedHashMap<>());
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                // Never echo the line: it may hold a token.
                throw new IllegalArgumentException(
                        path + " line " + lineNumber + ": expected key = value or a [profile] header");
            }
            if (current == null) {
                current = profiles.computeIfAbsent(DEFAULT_PROFILE, k -> new LinkedHashMap<>());
            }
            String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(eq + 1).strip();
            current.put(key, value);
        }
        return new DatabricksConfigFile(path, profiles);
    }

    Path path() {
        return path;
    }

    boolean exists() {
        return !profiles.isEmpty();
    }

    /** The profile's keys (lower case), or {@code null} when the file has no such profile. */
    Map<String, String> profile(String name) {
        return profiles.get(name);
    }
}

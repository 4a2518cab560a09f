package io.jenkins.plugins.databricksgit.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Which jobs may use a Databricks workspace, by Jenkins full name ({@code folder/sub/job}). Each entry names a folder
 * or a job; it allows that item and everything inside it ({@code team-a} allows {@code team-a/deploy} and
 * {@code team-a/deploy/main}, but not {@code team-a-old/deploy}). No entries means every job may use the workspace.
 *
 * <p>Entries are matched on whole path segments and case-sensitively, as Jenkins names items; no wildcards, so that
 * a rule means exactly what it says.
 */
public final class AccessRule {
    private static final AccessRule ANY = new AccessRule(List.of());

    private final List<String> entries;

    private AccessRule(List<String> entries) {
        this.entries = entries;
    }

    /** A rule allowing every job. */
    public static AccessRule any() {
        return ANY;
    }

    /**
     * Parses one entry per line (commas also separate entries); blank lines and lines starting with {@code #} are
     * ignored, surrounding slashes and spaces are dropped.
     *
     * @throws IllegalArgumentException naming the first bad entry (empty segment, {@code .} or {@code ..})
     */
    public static AccessRule parse(String text) {
        if (text == null || text.isBlank()) {
            return ANY;
        }
        List<String> entries = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            for (String part : l.split(",")) {
                String entry = trimSlashes(part.strip());
                if (entry.isEmpty()) {
                    continue;
                }
                for (String segment : entry.split("/", -1)) {
                    if (segment.isBlank() || segment.equals(".") || segment.equals("..")) {
                        throw new IllegalArgumentException("\"" + part.strip() + "\" is not a folder or job full name:"
                                + " write names as shown in the job's URL path, e.g. team-a/deploy.");
                    }
                }
                if (!entries.contains(entry)) {
                    entries.add(entry);
                }
            }
        }
        return entries.isEmpty() ? ANY : new AccessRule(List.copyOf(entries));
    }

    private static String trimSlashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '/') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(start, end).strip();
    }

    /** {@code true} when no entry restricts the workspace. */
    public boolean allowsAll() {
        return entries.isEmpty();
    }

    /** The folders and jobs named, in the order given. */
    public List<String> entries() {
        return entries;
    }

    /** Whether a job (or any item) with this Jenkins full name may use the workspace. */
    public boolean allows(String fullName) {
        if (entries.isEmpty()) {
            return true;
        }
        if (fullName == null || fullName.isEmpty()) {
            return false;
        }
        for (String entry : entries) {
            if (fullName.equals(entry) || fullName.startsWith(entry + "/")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return entries.isEmpty() ? "any job" : String.join(", ", entries);
    }
}

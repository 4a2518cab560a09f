package io.jenkins.plugins.databricksgit.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A section of a page under docs/ that a test generates (a table of what it ran), between two marker lines: the test
 * fails when the page shows something else, so the documentation cannot drift from the behaviour. With
 * {@code -Ddocs.update=true} the test rewrites the section instead.
 */
public final class GeneratedDocs {
    private GeneratedDocs() {}

    /**
     * @param page the page's file name under docs/ (the module's sibling folder)
     * @param generatedName where the generated section is written, under the module's target/, when the page differs
     * @throws AssertionError when the page lacks the markers, or shows another section (and no update was asked for)
     */
    public static void check(String page, String begin, String end, String content, String generatedName)
            throws IOException {
        Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        Path doc = root.resolveSibling("docs").resolve(page);
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0) {
            throw new AssertionError(doc + " has no line " + begin);
        }
        if (to <= from) {
            throw new AssertionError(doc + " has no line " + end + " after " + begin);
        }
        if (text.substring(from + begin.length() + 1, to).equals(content)) {
            return;
        }
        if (Boolean.getBoolean("docs.update")) {
            Files.writeString(
                    doc,
                    text.substring(0, from + begin.length() + 1) + content + text.substring(to),
                    StandardCharsets.UTF_8);
            return;
        }
        Path generated = root.resolve("target").resolve(generatedName);
        Files.createDirectories(generated.getParent());
        Files.writeString(generated, content, StandardCharsets.UTF_8);
        throw new AssertionError(doc + " is out of date: the generated table is in " + generated
                + "; run the test with -Ddocs.update=true to rewrite the page");
    }
}

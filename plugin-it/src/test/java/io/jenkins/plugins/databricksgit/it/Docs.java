package io.jenkins.plugins.databricksgit.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The project's Markdown documentation, read by the tests that keep its examples true. */
final class Docs {
    private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w+)\\n(.*?)^```");

    /** An example: the file it is in, its position there, and its text. */
    record Example(String file, int index, String text) {
        @Override
        public String toString() {
            return file + " #" + index;
        }
    }

    private Docs() {}

    static Path root() {
        // The test runs in plugin-it/; the documentation is the project's.
        return Path.of(System.getProperty("user.dir")).getParent();
    }

    /** Every fenced block of that language in README.md and docs/*.md. */
    static List<Example> examples(String language) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(root().resolve("README.md"));
        try (Stream<Path> docs = Files.list(root().resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<Example> found = new ArrayList<>();
        for (Path file : files) {
            Matcher m = FENCE.matcher(Files.readString(file));
            int index = 0;
            while (m.find()) {
                if (m.group(1).equals(language)) {
                    found.add(new Example(root().relativize(file).toString(), ++index, m.group(2)));
                }
            }
        }
        return found;
    }
}

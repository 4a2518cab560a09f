package io.jenkins.plugins.databricksgit.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .hpi our default build assembles without Jenkins artifacts (plugin/) against the one maven-hpi-plugin writes for
 * the same sources (this module): what Jenkins reads from either must be the same. Differences that only name the
 * tool or the module's coordinates are listed here, each with its reason.
 */
class HpiComparisonIT {
    /** Manifest attributes whose values name the tool or the build, not the plugin. */
    private static final Set<String> TOOL_ATTRIBUTES = Set.of(
            "Created-By", // "Maven JAR Plugin" vs "Maven Archiver"
            "Group-Id"); // this module needs other coordinates than plugin/ in one reactor

    /** Entries maven-hpi-plugin adds that Jenkins does not read when loading a plugin. */
    private static final Set<String> OFFICIAL_ONLY = Set.of("WEB-INF/licenses.xml");

    @TempDir
    static Path dir;

    private static Path ours;
    private static Path official;

    @BeforeAll
    static void unpack() {
        ours = Path.of(System.getProperty("hpi.ours"));
        official = Path.of(System.getProperty("hpi.official"));
        assertThat(ours).as("plugin/'s .hpi: build plugin/ in the same run").isRegularFile();
        assertThat(official).isRegularFile();
    }

    @Test
    void manifestsSayTheSame() throws IOException {
        Map<String, String> a = manifest(ours);
        Map<String, String> b = manifest(official);
        TOOL_ATTRIBUTES.forEach(k -> {
            a.remove(k);
            b.remove(k);
        });
        // Plugin-Dependencies: the same plugins and versions, in the order each build lists its dependencies.
        assertThat(sorted(a.remove("Plugin-Dependencies"))).isEqualTo(sorted(b.remove("Plugin-Dependencies")));
        assertThat(a).isEqualTo(b);
    }

    @Test
    void theSameLibrariesAreBundled() throws IOException {
        assertThat(entries(ours, "WEB-INF/lib/")).isEqualTo(entries(official, "WEB-INF/lib/"));
        Set<String> top = entries(official, "");
        top.removeAll(entries(ours, ""));
        top.removeIf(e -> e.startsWith("META-INF/maven/") || OFFICIAL_ONLY.contains(e) || e.endsWith("/"));
        assertThat(top).as("what only maven-hpi-plugin's .hpi holds").isEmpty();
    }

    @Test
    void thePluginJarsHoldTheSameClassesAndResources() throws IOException {
        Set<String> a = jarEntries(ours);
        Set<String> b = jarEntries(official);
        // Stapler's processors write .stapler files (parameter names) that -parameters makes unnecessary, and
        // annotation-indexer indexes @Restricted and @ExportedBean, which Jenkins does not look up in plugins.
        b.removeIf(e -> e.endsWith(".stapler")
                || e.equals("META-INF/services/annotations/org.kohsuke.accmod.Restricted")
                || e.equals("META-INF/services/annotations/org.kohsuke.stapler.export.ExportedBean"));
        a.removeIf(e -> e.startsWith("META-INF/maven/"));
        b.removeIf(e -> e.startsWith("META-INF/maven/"));
        assertThat(a).isEqualTo(b);
    }

    @Test
    void theIndexesListTheSameExtensionsAndSymbols() throws IOException {
        assertThat(extensions(ours)).isEqualTo(extensions(official)).isNotEmpty();
        assertThat(jarText(ours, "META-INF/services/annotations/org.jenkinsci.Symbol"))
                .isEqualTo(jarText(official, "META-INF/services/annotations/org.jenkinsci.Symbol"));
    }

    private static Map<String, String> manifest(Path hpi) throws IOException {
        try (ZipFile zip = new ZipFile(hpi.toFile());
                InputStream in = zip.getInputStream(zip.getEntry("META-INF/MANIFEST.MF"))) {
            Map<String, String> m = new TreeMap<>();
            for (Map.Entry<Object, Object> e :
                    new Manifest(in).getMainAttributes().entrySet()) {
                m.put(((Attributes.Name) e.getKey()).toString(), (String) e.getValue());
            }
            return m;
        }
    }

    private static Set<String> sorted(String list) {
        return new TreeSet<>(Arrays.asList(list.split(",")));
    }

    private static Set<String> entries(Path zipFile, String prefix) throws IOException {
        Set<String> names = new TreeSet<>();
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                if (name.startsWith(prefix) && !name.equals(prefix)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** The plugin's own jar, out of the .hpi. */
    private static Path pluginJar(Path hpi) throws IOException {
        Path out = Files.createTempDirectory(dir, "jar").resolve("databricks-git-credential.jar");
        try (ZipFile zip = new ZipFile(hpi.toFile());
                InputStream in = zip.getInputStream(zip.getEntry("WEB-INF/lib/databricks-git-credential.jar"))) {
            Files.copy(in, out);
        }
        return out;
    }

    private static Set<String> jarEntries(Path hpi) throws IOException {
        Set<String> names = entries(pluginJar(hpi), "");
        names.removeIf(n -> n.endsWith("/"));
        return names;
    }

    private static String jarText(Path hpi, String entry) throws IOException {
        try (ZipFile zip = new ZipFile(pluginJar(hpi).toFile())) {
            ZipEntry e = zip.getEntry(entry);
            assertThat(e).as(entry + " in " + hpi).isNotNull();
            try (InputStream in = zip.getInputStream(e)) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
    }

    /** The @Extension index as SezPoz (and so Jenkins) reads it: class, and the annotation's values. */
    private static Set<String> extensions(Path hpi) throws IOException {
        Set<String> found = new TreeSet<>();
        // A loader of the jar alone: IndexItem reads class names and annotation values without loading our classes.
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {pluginJar(hpi).toUri().toURL()}, Extension.class.getClassLoader())) {
            for (IndexItem<Extension, Object> item : Index.load(Extension.class, Object.class, loader)) {
                if (!item.className().startsWith("io.jenkins.plugins.databricksgit.")) {
                    continue;
                }
                Extension e = item.annotation();
                found.add(item.className() + " ordinal=" + e.ordinal() + " optional=" + e.optional()
                        + " dynamicLoadable=" + e.dynamicLoadable());
            }
        }
        return new TreeSet<>(new ArrayList<>(found));
    }
}

package io.jenkins.plugins.databricksgit.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import jenkins.YesNoMaybe;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Opens the built {@code .hpi} and checks what Jenkins reads from it: the manifest, the layout, the SezPoz and
 * {@code @Symbol} indexes against the compiled classes, and the Jelly views and their help files.
 */
class HpiPackageIT {
    private static final String PLUGIN_JAR = "WEB-INF/lib/databricks-git-credential.jar";
    /** Provided by Jenkins core or by the plugins we depend on: bundling them would shadow or clash. */
    private static final List<String> FORBIDDEN = List.of(
            "okhttp",
            "okio",
            "kotlin",
            "jackson",
            "annotations-13",
            "jenkins-api-stubs",
            "symbol-index-processor",
            "sezpoz",
            "localizer",
            "servlet",
            "spring",
            "guava",
            "xstream",
            "spotbugs",
            "jsr305",
            "commons-");

    @TempDir
    static Path tmp;

    static Path hpi;
    static Path pluginJar;
    static List<Path> libraries = new ArrayList<>();
    static Map<String, byte[]> pluginEntries = new TreeMap<>();
    static URLClassLoader loader;

    @BeforeAll
    static void unpack() throws IOException {
        hpi = Path.of(System.getProperty("hpi.file", "target/databricks-git-credential.hpi"));
        assertThat(hpi).as("run after package").exists();
        try (JarFile jar = new JarFile(hpi.toFile())) {
            for (JarEntry e : Collections.list(jar.entries())) {
                if (e.getName().startsWith("WEB-INF/lib/") && e.getName().endsWith(".jar")) {
                    Path target = tmp.resolve(e.getName().substring("WEB-INF/lib/".length()));
                    try (InputStream in = jar.getInputStream(e)) {
                        Files.copy(in, target);
                    }
                    libraries.add(target);
                    if (e.getName().equals(PLUGIN_JAR)) {
                        pluginJar = target;
                    }
                }
            }
        }
        assertThat(pluginJar).as(PLUGIN_JAR).isNotNull();
        try (JarFile jar = new JarFile(pluginJar.toFile())) {
            for (JarEntry e : Collections.list(jar.entries())) {
                if (!e.isDirectory()) {
                    try (InputStream in = jar.getInputStream(e)) {
                        pluginEntries.put(e.getName(), in.readAllBytes());
                    }
                }
            }
        }
        URL[] urls = libraries.stream().map(HpiPackageIT::url).toArray(URL[]::new);
        // Resources only from the bundled jars (as a plugin class loader sees its own), classes parent-first.
        loader = new URLClassLoader(urls, HpiPackageIT.class.getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return findResources(name);
            }
        };
    }

    private static URL url(Path p) {
        try {
            return p.toUri().toURL();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void manifestHasThePluginAttributes() throws IOException {
        Manifest manifest;
        try (JarFile jar = new JarFile(hpi.toFile())) {
            manifest = jar.getManifest();
            assertThat(jar.getEntry("META-INF/MANIFEST.MF")).isNotNull();
        }
        Attributes a = manifest.getMainAttributes();
        assertThat(a.getValue("Short-Name")).isEqualTo("databricks-git-credential");
        assertThat(a.getValue("Long-Name")).isEqualTo("Databricks Git Credential");
        assertThat(a.getValue("Group-Id")).isEqualTo("io.jenkins.plugins");
        assertThat(a.getValue("Artifact-Id")).isEqualTo("databricks-git-credential");
        String version = System.getProperty("hpi.expected.version");
        if (version.endsWith("-SNAPSHOT")) {
            // A snapshot names its build as maven-hpi-plugin does: commit (or time) and user.
            assertThat(a.getValue("Plugin-Version")).matches(Pattern.quote(version) + " \\(private-[^ ]+-.+\\)");
        } else {
            assertThat(a.getValue("Plugin-Version")).isEqualTo(version);
        }
        assertThat(a.getValue("Plugin-ScmTag")).isEqualTo("HEAD");
        assertThat(a.getValue("Plugin-Developers")).isEmpty();
        assertThat(a.getValue("Jenkins-Version"))
                .isEqualTo(a.getValue("Hudson-Version"))
                .isEqualTo(System.getProperty("hpi.expected.jenkins", "2.479.3"));
        assertThat(a.getValue("Url")).isEqualTo("https://github.com/jenkinsci/databricks-git-credential-plugin");
        assertThat(a.getValue("Plugin-ScmUrl")).isEqualTo(a.getValue("Url"));
        assertThat(a.getValue("Plugin-License-Name")).isEqualTo("MIT License");
        assertThat(a.getValue("Plugin-License-Url")).startsWith("https://");
        // The commit built; empty only when built outside a git checkout.
        assertThat(a.getValue("Implementation-Build")).matches("([0-9a-f]{40})?");

        String dependencies = a.getValue("Plugin-Dependencies");
        assertThat(dependencies).isEqualTo(System.getProperty("hpi.expected.dependencies"));
        Map<String, String> byName = new LinkedHashMap<>();
        for (String d : dependencies.split(",")) {
            assertThat(d)
                    .as("no dependency is optional: every one is used unconditionally")
                    .doesNotContain(";");
            String[] nameVersion = d.split(":", 2);
            byName.put(nameVersion[0], nameVersion[1]);
        }
        assertThat(byName)
                .containsOnlyKeys(
                        "credentials",
                        "plain-credentials",
                        "workflow-step-api",
                        "structs",
                        "okhttp-api",
                        "jackson2-api")
                .containsEntry("credentials", "1453.v9b_a_29777a_b_fd")
                .containsEntry("plain-credentials", "199.v9f8e1f741799")
                .containsEntry("workflow-step-api", "710.v3e456cc85233")
                .containsEntry("structs", "362.va_b_695ef4fdf9")
                .containsEntry("okhttp-api", "5.3.2-200.vedb_720a_cf1f8");
        assertThat(byName.get("jackson2-api")).matches("2\\.\\d+\\.\\d+-\\d+\\.v.+");

        // maven-hpi-plugin: true if every extension is dynamicLoadable=YES, false if any is NO, else absent.
        Set<YesNoMaybe> loadable = new TreeSet<>();
        for (IndexItem<Extension, Object> item : extensionIndex()) {
            loadable.add(item.annotation().dynamicLoadable());
        }
        String expected =
                loadable.contains(YesNoMaybe.NO) ? "false" : loadable.contains(YesNoMaybe.MAYBE) ? null : "true";
        assertThat(a.getValue("Support-Dynamic-Loading")).isEqualTo(expected);

        try (JarFile jar = new JarFile(pluginJar.toFile())) {
            assertThat(jar.getManifest().getMainAttributes()).isEqualTo(a);
        }
    }

    @Test
    void bundlesOnlyThePluginJarAndLibrariesNoPluginProvides() throws IOException {
        List<String> names = new ArrayList<>();
        try (JarFile jar = new JarFile(hpi.toFile())) {
            for (JarEntry e : Collections.list(jar.entries())) {
                names.add(e.getName());
            }
        }
        assertThat(names).noneMatch(n -> n.startsWith("WEB-INF/classes"));
        List<String> lib = names.stream()
                .filter(n -> n.startsWith("WEB-INF/lib/") && !n.endsWith("/"))
                .map(n -> n.substring("WEB-INF/lib/".length()))
                .toList();
        assertThat(lib).contains("databricks-git-credential.jar");
        assertThat(lib).anyMatch(n -> n.matches("databricks-git-credential-core-.+\\.jar"));
        for (String jar : lib) {
            assertThat(FORBIDDEN).as("bundled " + jar).noneMatch(jar::startsWith);
        }
        assertThat(pluginEntries).containsKey("index.jelly");
    }

    private static List<IndexItem<Extension, Object>> extensionIndex() {
        List<IndexItem<Extension, Object>> items = new ArrayList<>();
        Index.load(Extension.class, Object.class, loader).forEach(items::add);
        return items;
    }

    private static List<Class<?>> pluginClasses() throws ClassNotFoundException {
        List<Class<?>> classes = new ArrayList<>();
        for (String name : pluginEntries.keySet()) {
            if (name.endsWith(".class") && !name.equals("module-info.class")) {
                String binary =
                        name.substring(0, name.length() - ".class".length()).replace('/', '.');
                classes.add(Class.forName(binary, false, loader));
            }
        }
        return classes;
    }

    @Test
    void extensionIndexListsExactlyTheExtensionAnnotatedElements() throws ClassNotFoundException {
        Set<String> indexed = new TreeSet<>();
        for (IndexItem<Extension, Object> item : extensionIndex()) {
            indexed.add(item.className() + (item.memberName() == null ? "" : "#" + item.memberName()));
        }
        Set<String> scanned = new TreeSet<>();
        for (Class<?> c : pluginClasses()) {
            if (c.isAnnotationPresent(Extension.class)) {
                scanned.add(c.getName());
            }
            for (Member m : members(c)) {
                if (((java.lang.reflect.AnnotatedElement) m).isAnnotationPresent(Extension.class)) {
                    scanned.add(c.getName() + "#" + m.getName());
                }
            }
        }
        assertThat(scanned).isNotEmpty();
        assertThat(indexed).isEqualTo(scanned);
    }

    private static List<Member> members(Class<?> c) {
        List<Member> members = new ArrayList<>(Arrays.asList(c.getDeclaredFields()));
        members.addAll(Arrays.asList(c.getDeclaredMethods()));
        return members;
    }

    @Test
    void symbolIndexListsExactlyTheSymbolAnnotatedTypes() throws ClassNotFoundException {
        byte[] index = pluginEntries.get("META-INF/services/annotations/org.jenkinsci.Symbol");
        assertThat(index).as("symbol index").isNotNull();
        List<String> lines = new String(index, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).isSorted();

        Set<String> scanned = new TreeSet<>();
        for (Class<?> c : pluginClasses()) {
            if (c.isAnnotationPresent(Symbol.class)) {
                scanned.add(c.getName());
            }
        }
        assertThat(scanned).isNotEmpty();
        assertThat(new TreeSet<>(lines)).isEqualTo(scanned);
    }

    @Test
    void jellyViewsAreEscapedWellFormedAndBindExistingPropertiesWithHelpForEachField() throws Exception {
        Map<String, Set<String>> fieldsByDirectory = new TreeMap<>();
        List<String> jelly = pluginEntries.keySet().stream()
                .filter(n -> n.endsWith(".jelly"))
                .toList();
        assertThat(jelly).isNotEmpty();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        for (String name : jelly) {
            String text = new String(pluginEntries.get(name), StandardCharsets.UTF_8);
            assertThat(text).as(name).startsWith("<?jelly escape-by-default='true'?>");
            var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(pluginEntries.get(name)));
            if (!name.contains("/")) {
                continue;
            }
            String directory = name.substring(0, name.lastIndexOf('/'));
            Class<?> owner = Class.forName(directory.replace('/', '.'), false, loader);
            NodeList all = document.getElementsByTagNameNS("*", "*");
            for (int i = 0; i < all.getLength(); i++) {
                Element e = (Element) all.item(i);
                if (e.hasAttribute("field")) {
                    String field = e.getAttribute("field");
                    assertThat(hasProperty(owner, field))
                            .as("%s: field=\"%s\" is a property of %s", name, field, owner.getName())
                            .isTrue();
                    fieldsByDirectory
                            .computeIfAbsent(directory, k -> new TreeSet<>())
                            .add(field);
                }
            }
        }
        Map<String, Set<String>> helpByDirectory = new HashMap<>();
        for (String name : pluginEntries.keySet()) {
            String file = name.substring(name.lastIndexOf('/') + 1);
            if (file.startsWith("help-") && file.endsWith(".html")) {
                String directory = name.substring(0, name.lastIndexOf('/'));
                helpByDirectory
                        .computeIfAbsent(directory, k -> new TreeSet<>())
                        .add(file.substring("help-".length(), file.length() - ".html".length()));
            }
        }
        // Jenkins looks for a field's help next to the class and then next to each superclass
        // (Descriptor.getHelpFile), so help shared by subclasses lives with their common superclass.
        for (var e : helpByDirectory.entrySet()) {
            Set<String> fields = new TreeSet<>();
            for (var f : fieldsByDirectory.entrySet()) {
                if (ancestorDirectories(f.getKey()).contains(e.getKey())) {
                    fields.addAll(f.getValue());
                }
            }
            assertThat(fields)
                    .as("every help file in %s matches a field", e.getKey())
                    .containsAll(e.getValue());
        }
        for (var e : fieldsByDirectory.entrySet()) {
            Set<String> help = new TreeSet<>();
            for (String directory : ancestorDirectories(e.getKey())) {
                help.addAll(helpByDirectory.getOrDefault(directory, Set.of()));
            }
            assertThat(help).as("every field in %s has a help file", e.getKey()).containsAll(e.getValue());
        }
    }

    /** The resource directories of a class and of its superclasses. */
    private Set<String> ancestorDirectories(String directory) throws ClassNotFoundException {
        Set<String> directories = new TreeSet<>();
        for (Class<?> c = Class.forName(directory.replace('/', '.'), false, loader); c != null; c = c.getSuperclass()) {
            directories.add(c.getName().replace('.', '/'));
        }
        return directories;
    }

    /** A getter (getX/isX) or a public field, as Jelly's {@code field} and Stapler's binding read it. */
    private static boolean hasProperty(Class<?> owner, String property) {
        String suffix = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (Method m : owner.getMethods()) {
            if (m.getParameterCount() == 0
                    && !Modifier.isStatic(m.getModifiers())
                    && (m.getName().equals("get" + suffix)
                            || (m.getName().equals("is" + suffix) && m.getReturnType() == boolean.class))) {
                return true;
            }
        }
        for (Field f : owner.getFields()) {
            if (f.getName().equals(property)) {
                return true;
            }
        }
        return false;
    }
}

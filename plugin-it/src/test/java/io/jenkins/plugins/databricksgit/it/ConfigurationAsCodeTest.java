package io.jenkins.plugins.databricksgit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.util.Secret;
import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.databricksgit.impl.BitbucketRepositoryAccessTokenImpl;
import io.jenkins.plugins.databricksgit.impl.DatabricksServicePrincipalCredentialsImpl;
import io.jenkins.plugins.databricksgit.workspace.DatabricksWorkspace;
import io.jenkins.plugins.databricksgit.workspace.DatabricksWorkspaces;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.yaml.snakeyaml.Yaml;

/**
 * Every YAML example of the documentation, applied by the real configuration-as-code plugin, creates exactly the
 * credentials and workspaces it describes; the export masks their secrets and applies again to the same state.
 */
@WithJenkins
class ConfigurationAsCodeTest {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

    /** The credential symbols the docs use, and the classes they stand for. */
    private static final Map<String, Class<?>> SYMBOLS = Map.of(
            "bitbucketRepositoryAccessToken", BitbucketRepositoryAccessTokenImpl.class,
            "databricksServicePrincipal", DatabricksServicePrincipalCredentialsImpl.class,
            "string", StringCredentialsImpl.class,
            "usernamePassword", com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl.class);

    /** Fields whose values are secrets: compared through Secret, and never in the export in plain text. */
    private static final List<String> SECRET_FIELDS = List.of("token", "clientSecret", "secret", "password");

    @TempDir
    Path dir;

    private final List<String> properties = new ArrayList<>();

    @AfterEach
    void clearProperties() {
        properties.forEach(System::clearProperty);
    }

    static Stream<Docs.Example> examples() throws Exception {
        return Docs.examples("yaml").stream().filter(e -> e.file().equals("docs/configuration.md"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void appliesExportsAndAppliesAgain(Docs.Example example, JenkinsRule j) throws Exception {
        Map<String, String> secrets = new HashMap<>();
        Matcher m = VARIABLE.matcher(example.text());
        while (m.find()) {
            String value = "canary-" + m.group(1) + "-" + UUID.randomUUID();
            secrets.put(m.group(1), value);
            System.setProperty(m.group(1), value);
            properties.add(m.group(1));
        }
        Path yaml = dir.resolve("jenkins.yaml");
        Files.writeString(yaml, example.text());

        ConfigurationAsCode.get().configure(yaml.toString());
        Map<String, Object> described = new Yaml().load(example.text());
        assertDescribedStateHolds(described, secrets);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConfigurationAsCode.get().export(out);
        String export = out.toString(StandardCharsets.UTF_8);
        for (String secret : secrets.values()) {
            assertThat(export).as("the export masks every secret").doesNotContain(secret);
        }

        // Forget everything, then apply what was exported: the same state comes back, secrets included.
        SystemCredentialsProvider.getInstance().getCredentials().clear();
        DatabricksWorkspaces.get().setWorkspaces(List.of());
        Map<String, Object> exported = new Yaml().load(export);
        Map<String, Object> ours = new LinkedHashMap<>();
        if (exported.get("credentials") != null) {
            ours.put("credentials", exported.get("credentials"));
        }
        Map<?, ?> unclassified = (Map<?, ?>) exported.get("unclassified");
        ours.put("unclassified", Map.of("databricksWorkspaces", unclassified.get("databricksWorkspaces")));
        Path again = dir.resolve("again.yaml");
        Files.writeString(again, new Yaml().dump(ours));
        ConfigurationAsCode.get().configure(again.toString());
        assertDescribedStateHolds(described, secrets);

        new Controller(j, null).assertNoneOnDisk(List.copyOf(secrets.values()));
    }

    @SuppressWarnings("unchecked")
    private static void assertDescribedStateHolds(Map<String, Object> described, Map<String, String> secrets)
            throws Exception {
        List<Map<String, Object>> wantedCredentials = new ArrayList<>();
        Map<String, Object> credentials = (Map<String, Object>) described.get("credentials");
        if (credentials != null) {
            Map<String, Object> system = (Map<String, Object>) credentials.get("system");
            for (Map<String, Object> domain : (List<Map<String, Object>>) system.get("domainCredentials")) {
                wantedCredentials.addAll((List<Map<String, Object>>) domain.get("credentials"));
            }
        }
        List<Credentials> actual = SystemCredentialsProvider.getInstance().getCredentials();
        assertThat(actual).as("exactly the credentials described").hasSameSizeAs(wantedCredentials);
        for (Map<String, Object> entry : wantedCredentials) {
            String symbol = entry.keySet().iterator().next();
            Map<String, Object> fields = (Map<String, Object>) entry.get(symbol);
            Credentials c = actual.stream()
                    .filter(x -> x instanceof IdCredentials i && i.getId().equals(fields.get("id")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no credential " + fields.get("id")));
            assertThat(c).isInstanceOf(SYMBOLS.get(symbol));
            assertProperties(c, fields, secrets);
        }

        Map<String, Object> unclassified = (Map<String, Object>) described.get("unclassified");
        Map<String, Object> config =
                unclassified == null ? null : (Map<String, Object>) unclassified.get("databricksWorkspaces");
        if (config != null) {
            List<Map<String, Object>> wanted = (List<Map<String, Object>>) config.getOrDefault("workspaces", List.of());
            List<DatabricksWorkspace> workspaces = DatabricksWorkspaces.get().getWorkspaces();
            assertThat(workspaces).as("exactly the workspaces described").hasSameSizeAs(wanted);
            for (int i = 0; i < wanted.size(); i++) {
                assertProperties(workspaces.get(i), wanted.get(i), secrets);
            }
            Map<String, Object> others = new LinkedHashMap<>(config);
            others.remove("workspaces");
            assertProperties(DatabricksWorkspaces.get(), others, secrets);
        }
    }

    /** Each described field reads back through its getter, as Configuration as Code reads it for the export. */
    private static void assertProperties(Object bean, Map<String, Object> fields, Map<String, String> secrets)
            throws Exception {
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            Object actual = getter(bean, field.getKey()).invoke(bean);
            Object expected = field.getValue();
            if (expected instanceof String s) {
                expected = resolve(s, secrets);
            }
            if (actual instanceof Secret secret) {
                assertThat(SECRET_FIELDS).contains(field.getKey());
                actual = secret.getPlainText();
            }
            if (actual instanceof Enum<?> e) {
                actual = e.name();
            }
            if (actual instanceof Collection<?> list && expected instanceof Collection<?>) {
                assertThat(new ArrayList<>(list)).as(field.getKey()).isEqualTo(expected);
                continue;
            }
            assertThat(actual == null ? null : actual.toString().strip())
                    .as("%s of %s", field.getKey(), bean)
                    .isEqualTo(expected == null ? null : expected.toString().strip());
        }
    }

    private static Method getter(Object bean, String property) throws NoSuchMethodException {
        String suffix = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (String prefix : List.of("get", "is")) {
            try {
                return bean.getClass().getMethod(prefix + suffix);
            } catch (NoSuchMethodException e) {
                // try the next
            }
        }
        throw new NoSuchMethodException(bean.getClass().getName() + " has no getter for " + property);
    }

    private static String resolve(String value, Map<String, String> secrets) {
        Matcher m = VARIABLE.matcher(value);
        return m.matches() ? secrets.get(m.group(1)) : value;
    }
}

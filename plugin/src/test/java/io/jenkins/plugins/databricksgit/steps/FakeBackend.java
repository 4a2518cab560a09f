package io.jenkins.plugins.databricksgit.steps;

import com.thoughtworks.xstream.XStream;
import hudson.AbortException;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.databricksgit.core.BitbucketToken;
import io.jenkins.plugins.databricksgit.core.ClientSettings;
import io.jenkins.plugins.databricksgit.core.DatabricksAuth;
import io.jenkins.plugins.databricksgit.core.DatabricksClient;
import io.jenkins.plugins.databricksgit.core.GitCredentialEngine;
import io.jenkins.plugins.databricksgit.core.SecretValue;
import io.jenkins.plugins.databricksgit.core.Target;
import io.jenkins.plugins.databricksgit.core.WorkspaceUrl;
import io.jenkins.plugins.databricksgit.core.lifecycle.CredentialLifecycle;
import io.jenkins.plugins.databricksgit.core.lifecycle.LifecycleHost;
import io.jenkins.plugins.databricksgit.core.lifecycle.LifecycleSettings;
import io.jenkins.plugins.databricksgit.core.lifecycle.PendingRemoval;
import io.jenkins.plugins.databricksgit.core.lifecycle.PendingRemovalFile;
import io.jenkins.plugins.databricksgit.core.lifecycle.RemovalStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Jenkins side, played by a test: credentials by id, one workspace {@code prod} on the emulator, and each build's
 * pending removals kept as the XML that XStream (what Jenkins saves {@code build.xml} with) writes for the action.
 */
final class FakeBackend implements StepsBackend, LifecycleHost {
    /** Credential id to token. */
    final Map<String, String> tokens;
    /** Build name to the saved action, as XML. */
    final Map<String, String> buildXml;

    final Set<String> building;
    final PendingRemovalFile registry;
    private final String workspaceUrl;
    private volatile String databricksToken;
    private final CredentialLifecycle lifecycle;

    FakeBackend(
            String workspaceUrl,
            String databricksToken,
            Map<String, String> tokens,
            Map<String, String> buildXml,
            Set<String> building,
            Path registryFile,
            Clock clock) {
        this.workspaceUrl = workspaceUrl;
        this.databricksToken = databricksToken;
        this.tokens = tokens;
        this.buildXml = buildXml;
        this.building = building;
        this.registry = new PendingRemovalFile(registryFile);
        this.lifecycle = new CredentialLifecycle(
                new GitCredentialEngine(),
                this,
                new LifecycleSettings(Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofMinutes(8), clock));
    }

    /** What {@code JenkinsStepsBackend} does when it is created: restore what was pending. */
    FakeBackend restored() throws IOException {
        lifecycle.restore(registry.readAll());
        return this;
    }

    void databricksToken(String token) {
        this.databricksToken = token;
    }

    static XStream xstream() {
        XStream x = new XStream();
        // Like Jenkins' class filter: classes of the plugin itself only, not of the libraries it bundles (core).
        x.allowTypesByWildcard(new String[] {"io.jenkins.plugins.databricksgit.steps.**"});
        return x;
    }

    private DatabricksClient client() {
        return client(workspaceUrl);
    }

    private DatabricksClient client(String url) {
        return new DatabricksClient(
                WorkspaceUrl.parse(url),
                DatabricksAuth.bearerToken(SecretValue.of(databricksToken)),
                ClientSettings.builder()
                        .maxAttempts(1)
                        .readTimeout(Duration.ofSeconds(10))
                        .build());
    }

    @Override
    public CredentialLifecycle lifecycle() {
        return lifecycle;
    }

    /**
     * As {@code JenkinsStepsBackend} resolves the Bitbucket credential, with its messages; the workspace is
     * {@code prod} (the emulator), or a host given with {@code databricksCredentialsId} (authenticated with the same
     * token as {@code prod}).
     */
    @Override
    public ResolvedPush resolve(BuildContext build, PushParameters parameters) throws AbortException {
        String id = parameters.getCredentialsId();
        String token = tokens.get(id);
        if (token == null) {
            throw new AbortException(Messages.JenkinsStepsBackend_credentialNotFound(id));
        }
        BitbucketToken bitbucketToken;
        try {
            bitbucketToken = BitbucketToken.of(token, "acme", "app");
        } catch (IllegalArgumentException e) {
            throw new AbortException(Messages.JenkinsStepsBackend_badToken(id, e.getMessage()));
        }
        String url;
        if (parameters.getHost() != null) {
            url = parameters.getHost();
        } else if ("prod".equals(parameters.getWorkspace())) {
            url = workspaceUrl;
        } else {
            throw new AbortException("No workspace " + parameters.getWorkspace());
        }
        return new ResolvedPush(
                new Target(client(url), parameters.getServicePrincipal()),
                parameters.getWorkspace(),
                parameters.getDatabricksCredentialsId(),
                bitbucketToken,
                Secret.fromString(token),
                null);
    }

    @Override
    public Secret tokenSecret(Run<?, ?> run, String credentialsId) {
        String token = tokens.get(credentialsId);
        return token == null ? null : Secret.fromString(token);
    }

    @Override
    public String charset(Run<?, ?> run) {
        return "UTF-8";
    }

    @Override
    public RemovalStore store(BuildContext build) {
        return store(buildId(build));
    }

    @Override
    public String buildId(BuildContext build) {
        return ((FakeListener) build.listener()).build;
    }

    @Override
    public String holder(BuildContext build) {
        return buildId(build).replace('#', ' ');
    }

    @Override
    public Target target(PendingRemoval removal) {
        return new Target(client(removal.workspaceUrl()), removal.servicePrincipal());
    }

    @Override
    public RemovalStore store(String buildId) {
        return new RemovalStore() {
            private PendingRemovalsAction load() {
                String xml = buildXml.get(buildId);
                return xml == null
                        ? new PendingRemovalsAction()
                        : (PendingRemovalsAction) xstream().fromXML(xml);
            }

            @Override
            public void put(PendingRemoval removal) {
                synchronized (buildXml) {
                    PendingRemovalsAction action = load();
                    action.put(removal);
                    buildXml.put(buildId, xstream().toXML(action));
                }
            }

            @Override
            public void delete(String id) {
                synchronized (buildXml) {
                    PendingRemovalsAction action = load();
                    action.delete(id);
                    buildXml.put(buildId, xstream().toXML(action));
                }
            }

            @Override
            public List<PendingRemoval> list() {
                synchronized (buildXml) {
                    return load().getRemovals();
                }
            }
        };
    }

    @Override
    public boolean isBuilding(String buildId) {
        return building.contains(buildId);
    }

    @Override
    public void saveRegistry(PendingRemovalFile.Contents contents) throws IOException {
        registry.write(contents);
    }

    static Map<String, String> newBuildXml() {
        return new ConcurrentHashMap<>();
    }
}

package io.jenkins.plugins.databricksgit.steps;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.databricksgit.BitbucketRepositoryAccessToken;
import io.jenkins.plugins.databricksgit.DatabricksServicePrincipalCredentials;
import io.jenkins.plugins.databricksgit.core.BitbucketClient;
import io.jenkins.plugins.databricksgit.core.BitbucketToken;
import io.jenkins.plugins.databricksgit.core.ClientSettings;
import io.jenkins.plugins.databricksgit.core.DatabricksClient;
import io.jenkins.plugins.databricksgit.core.DatabricksException;
import io.jenkins.plugins.databricksgit.core.GitCredentialEngine;
import io.jenkins.plugins.databricksgit.core.HostPatterns;
import io.jenkins.plugins.databricksgit.core.Target;
import io.jenkins.plugins.databricksgit.core.WorkspaceUrl;
import io.jenkins.plugins.databricksgit.core.lifecycle.CredentialLifecycle;
import io.jenkins.plugins.databricksgit.http.JenkinsHttp;
import io.jenkins.plugins.databricksgit.workspace.BuildCredentials;
import io.jenkins.plugins.databricksgit.workspace.DatabricksWorkspace;
import io.jenkins.plugins.databricksgit.workspace.DatabricksWorkspaces;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Turns what a build asked for into a push it may make, or refuses it with one line the build prints. The access
 * rules, in the order they are checked, all before anything is sent:
 *
 * <ol>
 *   <li>A configured workspace is used only by the jobs its allowed list admits.
 *   <li>A Databricks credential that a configured workspace uses is used only through that workspace: naming it with
 *       {@code host:} is refused, with the workspace to name instead.
 *   <li>{@code host:} is accepted only for hosts matching the administrator's patterns
 *       ({@link DatabricksWorkspaces#allowedHostPatterns()}).
 *   <li>Every credential is looked up in the build's context and its use recorded with the build.
 *   <li>With a workspace, {@code servicePrincipal:} may only name one of the workspace's service principals; a name
 *       that is not literally listed is resolved to its numeric id and compared by id (read-only look-ups on the
 *       workspace, cached). With {@code host:} the credential is the job's own, so any principal may be named.
 * </ol>
 */
final class PushResolver {
    private final BuildCredentials credentials;
    private final Supplier<DatabricksWorkspaces> config;
    private final Supplier<ClientSettings> settings;
    private final Function<BuildContext, String> jobFullName;

    /** Resolves service principals as pushes do, sharing what it learnt (and its look-ups) with them. */
    private final GitCredentialEngine engine;

    /**
     * @param jobFullName the full name of the build's job, which the workspaces' allowed lists are matched against
     */
    PushResolver(
            BuildCredentials credentials,
            Supplier<DatabricksWorkspaces> config,
            Supplier<ClientSettings> settings,
            Function<BuildContext, String> jobFullName,
            GitCredentialEngine engine) {
        this.credentials = credentials;
        this.engine = engine;
        this.config = config;
        this.settings = settings;
        this.jobFullName = jobFullName;
    }

    static PushResolver inJenkins(GitCredentialEngine engine) {
        return new PushResolver(
                BuildCredentials.JENKINS,
                DatabricksWorkspaces::get,
                JenkinsHttp::settings,
                build -> build.run().getParent().getFullName(),
                engine);
    }

    ResolvedPush resolve(BuildContext build, PushParameters p) throws AbortException, InterruptedException {
        Run<?, ?> run = build.run();
        DatabricksWorkspaces configuration = config.get();
        DatabricksWorkspace workspace = p.getWorkspace() != null
                ? configuration.resolve(p.getWorkspace(), jobFullName.apply(build))
                : adHocWorkspace(configuration, p.getHost(), p.getDatabricksCredentialsId());

        StandardUsernamePasswordCredentials credential = bitbucketCredential(run, p.getCredentialsId());
        credentials.track(run, credential);
        String bitbucketWorkspace = null;
        String repository = null;
        if (credential instanceof BitbucketRepositoryAccessToken t) {
            bitbucketWorkspace = t.getWorkspace();
            repository = t.getRepository();
        }
        BitbucketToken token;
        try {
            token = BitbucketToken.of(credential.getPassword().getPlainText(), bitbucketWorkspace, repository);
        } catch (IllegalArgumentException e) {
            throw new AbortException(Messages.JenkinsStepsBackend_badToken(p.getCredentialsId(), e.getMessage()));
        }
        for (String warning : token.warnings()) {
            build.log().accept(CredentialLifecycle.PREFIX + warning);
        }

        ClientSettings http = settings.get();
        DatabricksClient client = DatabricksWorkspaces.client(workspace, run, credentials, http);
        String principal = p.getWorkspace() != null
                ? allowedPrincipal(workspace, client, p.getServicePrincipal())
                : p.getServicePrincipal();

        boolean verify =
                p.getVerifyToken() != null ? p.getVerifyToken() : bitbucketWorkspace != null && repository != null;
        if (verify && (bitbucketWorkspace == null || repository == null)) {
            build.log()
                    .accept(CredentialLifecycle.PREFIX
                            + Messages.JenkinsStepsBackend_cannotVerify(p.getCredentialsId()));
            verify = false;
        }
        BitbucketClient verifier = null;
        if (verify) {
            try {
                verifier = new BitbucketClient(workspace.bitbucketApi(), http);
            } catch (IllegalArgumentException e) {
                throw new AbortException(Messages.PushResolver_badBitbucketApiUrl(workspace.getName(), e.getMessage()));
            }
        }
        return new ResolvedPush(
                new Target(client, principal),
                p.getWorkspace(),
                // Recorded with a pending removal: the removal uses this credential, whatever the workspace becomes.
                workspace.getCredentialsId(),
                token,
                credential.getPassword(),
                verifier);
    }

    /**
     * A workspace made up from a host a pipeline named: refused when a configured workspace uses the credential, or
     * when the host matches none of the administrator's patterns.
     */
    private static DatabricksWorkspace adHocWorkspace(
            DatabricksWorkspaces configuration, String host, String databricksCredentialsId) throws AbortException {
        List<String> owners = configuration.workspacesUsing(databricksCredentialsId);
        if (!owners.isEmpty()) {
            throw new AbortException(Messages.PushResolver_credentialOfWorkspace(
                    databricksCredentialsId, String.join("', '", owners), owners.get(0)));
        }
        WorkspaceUrl url;
        try {
            url = WorkspaceUrl.parse(host);
        } catch (IllegalArgumentException e) {
            throw new AbortException(CredentialLifecycle.PREFIX + e.getMessage());
        }
        HostPatterns allowed;
        try {
            allowed = configuration.allowedHostPatterns();
        } catch (IllegalArgumentException e) {
            throw new AbortException(Messages.PushResolver_allowedHostsInvalid(e.getMessage()));
        }
        if (allowed.isEmpty()) {
            throw new AbortException(Messages.PushResolver_noHostAllowed(url.host()));
        }
        if (!allowed.allows(url)) {
            throw new AbortException(Messages.PushResolver_hostNotAllowed(url.host(), allowed));
        }
        return new DatabricksWorkspace(url.host(), url.url(), databricksCredentialsId);
    }

    /**
     * The Bitbucket token credential visible to the build. A credential of another kind is named as such, so that a
     * Databricks credential given here by mistake is not reported as missing.
     */
    private StandardUsernamePasswordCredentials bitbucketCredential(Run<?, ?> run, String id) throws AbortException {
        if (id == null) {
            throw new AbortException(Messages.Pushes_credentialsIdMissing());
        }
        StandardCredentials c = credentials.find(id, run);
        if (c == null) {
            throw new AbortException(Messages.JenkinsStepsBackend_credentialNotFound(id));
        }
        if (!(c instanceof StandardUsernamePasswordCredentials up)) {
            throw new AbortException(
                    c instanceof StringCredentials || c instanceof DatabricksServicePrincipalCredentials
                            ? Messages.PushResolver_databricksCredentialAsToken(id, credentials.kind(c))
                            : Messages.PushResolver_wrongKind(id, credentials.kind(c)));
        }
        if (!GitCredentialEngine.GIT_USERNAME.equals(up.getUsername())) {
            throw new AbortException(Messages.JenkinsStepsBackend_notXTokenAuth(id));
        }
        return up;
    }

    /**
     * The service principal to push to: the workspace's default when none is named, else the named one if the
     * workspace lists it (compared as text first, then by numeric id).
     */
    private String allowedPrincipal(DatabricksWorkspace workspace, DatabricksClient client, String requested)
            throws AbortException {
        List<String> allowed = workspace.servicePrincipals();
        if (requested == null) {
            return allowed.get(0);
        }
        for (String a : allowed) {
            if (a != null && a.equalsIgnoreCase(requested)) {
                return a;
            }
        }
        try {
            long id = principalId(client, requested);
            for (String a : allowed) {
                if (a != null && principalId(client, a) == id) {
                    return a;
                }
            }
            if (allowed.get(0) == null && client.me().id() == id) {
                return null;
            }
        } catch (DatabricksException | IllegalArgumentException e) {
            throw new AbortException(
                    Messages.PushResolver_principalUnchecked(requested, workspace.getName(), e.getMessage()));
        }
        throw new AbortException(
                Messages.PushResolver_principalNotAllowed(requested, workspace.getName(), describe(allowed)));
    }

    /** The numeric id: no request for a numeric id, one per JVM for an applicationId (the engine's, shared). */
    private long principalId(DatabricksClient client, String given) throws DatabricksException {
        return engine.owner(new Target(client, given.strip())).id();
    }

    private static String describe(List<String> allowed) {
        List<String> names = new ArrayList<>();
        for (String a : allowed) {
            names.add(Objects.requireNonNullElse(a, Messages.PushResolver_ownPrincipal()));
        }
        return String.join(", ", names);
    }
}

package io.jenkins.plugins.databricksgit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.ItemGroup;
import hudson.model.ModelObject;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TopLevelItem;
import hudson.util.Secret;
import io.jenkins.plugins.databricksgit.impl.BitbucketRepositoryAccessTokenImpl;
import io.jenkins.plugins.databricksgit.impl.DatabricksServicePrincipalCredentialsImpl;
import io.jenkins.plugins.databricksgit.steps.DatabricksGitCredentialBuildWrapper;
import io.jenkins.plugins.databricksgit.testkit.DatabricksEmulator;
import io.jenkins.plugins.databricksgit.testkit.EmulatedPrincipal;
import io.jenkins.plugins.databricksgit.testkit.StoredGitCredential;
import io.jenkins.plugins.databricksgit.workspace.DatabricksWorkspace;
import io.jenkins.plugins.databricksgit.workspace.DatabricksWorkspaces;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * One real Jenkins with the plugin, and the Databricks (and Bitbucket) emulator it talks to: the few things every
 * test sets up, named for what they mean to a Jenkins administrator. The emulator lives outside any one Jenkins so
 * that it outlives a restart.
 */
final class Controller {
    /** The service principal the tests push to, and its own personal access token's credential. */
    static final String SERVICE_PRINCIPAL_NAME = "deploy-bot";

    static final String BITBUCKET_CREDENTIAL = "bb-repo-token";
    static final String DATABRICKS_CREDENTIAL = "databricks-deploy-bot-pat";
    static final String WORKSPACE = "prod";

    final JenkinsRule j;
    final Databricks databricks;

    Controller(JenkinsRule j, Databricks databricks) {
        this.j = j;
        this.databricks = databricks;
    }

    /** The emulator and what it holds; created once per test, shared by every Jenkins session of the test. */
    static final class Databricks implements AutoCloseable {
        final DatabricksEmulator emulator = DatabricksEmulator.start();
        final EmulatedPrincipal deployBot =
                emulator.addServicePrincipal(8573549053511L, "6f1d2a3b-0000-4000-8000-000000000001", "deploy-bot");
        final String deployBotPat = emulator.issuePat(deployBot);
        final String token = emulator.addBitbucketRepositoryToken("acme", "app", Set.of("repository"));

        List<StoredGitCredential> credentials() {
            return emulator.gitCredentials(deployBot);
        }

        String url() {
            return emulator.url();
        }

        /** What must never be written anywhere in plain text. */
        List<String> secrets() {
            return List.of(token, deployBotPat);
        }

        @Override
        public void close() {
            emulator.close();
        }
    }

    /**
     * The usual set-up: the Bitbucket token and the service principal's own PAT as global credentials, and the
     * workspace {@value #WORKSPACE} using that PAT, open to every job.
     */
    Controller standard() throws IOException {
        addGlobal(bitbucketToken(BITBUCKET_CREDENTIAL, databricks.token));
        addGlobal(secretText(DATABRICKS_CREDENTIAL, databricks.deployBotPat));
        workspaces(workspace(WORKSPACE, DATABRICKS_CREDENTIAL, w -> {}));
        return this;
    }

    static BitbucketRepositoryAccessTokenImpl bitbucketToken(String id, String token) {
        BitbucketRepositoryAccessTokenImpl c = new BitbucketRepositoryAccessTokenImpl(
                CredentialsScope.GLOBAL, id, "Bitbucket token " + id, Secret.fromString(token));
        c.setWorkspace("acme");
        c.setRepository("app");
        return c;
    }

    static StringCredentialsImpl secretText(String id, String secret) {
        return new StringCredentialsImpl(CredentialsScope.GLOBAL, id, "Secret text " + id, Secret.fromString(secret));
    }

    static DatabricksServicePrincipalCredentialsImpl servicePrincipalSecret(String id, String clientId, String secret) {
        return new DatabricksServicePrincipalCredentialsImpl(
                CredentialsScope.GLOBAL, id, "Service principal " + id, clientId, Secret.fromString(secret));
    }

    /** Adds a credential to Jenkins' global store. */
    void addGlobal(Credentials c) throws IOException {
        storeOf(j.jenkins).addCredentials(Domain.global(), c);
    }

    /** Adds a credential to a folder's own store: visible to the folder's jobs only. */
    void addToFolder(Folder folder, Credentials c) throws IOException {
        storeOf(folder).addCredentials(Domain.global(), c);
    }

    private static CredentialsStore storeOf(ModelObject context) {
        for (CredentialsStore s : CredentialsProvider.lookupStores(context)) {
            if (s.getContext() == context) {
                return s;
            }
        }
        throw new IllegalStateException("No credentials store of its own in " + context);
    }

    DatabricksWorkspace workspace(String name, String credentialsId, Consumer<DatabricksWorkspace> settings) {
        DatabricksWorkspace w = new DatabricksWorkspace(name, databricks.url(), credentialsId);
        // Token checks go to the emulator's Bitbucket, as an administrator would point them at a proxy.
        w.setBitbucketApiUrl(databricks.emulator.bitbucketApiUrl());
        settings.accept(w);
        return w;
    }

    /** Replaces the configured workspaces, as an administrator saving Manage Jenkins, System would. */
    void workspaces(DatabricksWorkspace... workspaces) {
        DatabricksWorkspaces.get().setWorkspaces(List.of(workspaces));
    }

    Folder folder(String name) throws IOException {
        return j.jenkins.createProject(Folder.class, name);
    }

    WorkflowJob pipeline(String name, String script) throws Exception {
        return pipeline(j.jenkins, name, script);
    }

    WorkflowJob pipeline(ItemGroup<? extends TopLevelItem> parent, String name, String script) throws Exception {
        WorkflowJob job = parent instanceof Folder f
                ? f.createProject(WorkflowJob.class, name)
                : j.jenkins.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    FreeStyleProject freestyle(String name, DatabricksGitCredentialBuildWrapper wrapper) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject(name);
        p.getBuildWrappersList().add(wrapper);
        return p;
    }

    /** Starts a build and returns once it runs. */
    WorkflowRun start(WorkflowJob job) throws Exception {
        return job.scheduleBuild2(0).waitForStart();
    }

    WorkflowRun run(WorkflowJob job, Result expected) throws Exception {
        return j.assertBuildStatus(expected, job.scheduleBuild2(0));
    }

    FreeStyleBuild run(FreeStyleProject job, Result expected) throws Exception {
        return j.assertBuildStatus(expected, job.scheduleBuild2(0));
    }

    static String log(Run<?, ?> run) throws IOException {
        return JenkinsRule.getLog(run);
    }

    /** Our lines in the build log. */
    static List<String> ourLines(Run<?, ?> run) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : log(run).split("\n")) {
            if (line.contains("[databricks-git-credential]")) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    /** Every secret the tests use, in the forms they could be written in. */
    List<String> secretForms() {
        List<String> forms = new ArrayList<>();
        for (String secret : databricks.secrets()) {
            forms.add(secret);
            forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
            forms.add(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
            forms.add(Base64.getEncoder().encodeToString(("x-token-auth:" + secret).getBytes(StandardCharsets.UTF_8)));
        }
        return forms;
    }

    void assertNoSecretIn(String text) {
        for (String form : secretForms()) {
            assertThat(text).as("a secret in some form").doesNotContain(form);
        }
    }

    /**
     * No secret, in any form, anywhere under JENKINS_HOME: credentials and configuration hold them encrypted, and
     * builds, Pipeline state and our own files never hold them at all.
     */
    void assertNoSecretOnDisk() throws IOException {
        assertFormsNotOnDisk(secretForms());
    }

    /** As {@link #assertNoSecretOnDisk()}, for other secrets. */
    void assertNoneOnDisk(List<String> secrets) throws IOException {
        List<String> forms = new ArrayList<>();
        for (String secret : secrets) {
            forms.add(secret);
            forms.add(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
        }
        assertFormsNotOnDisk(forms);
    }

    private void assertFormsNotOnDisk(List<String> forms) throws IOException {
        Path home = j.jenkins.getRootDir().toPath();
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(home, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                files.add(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // gone meanwhile (a temporary file renamed): its content moved
            }
        });
        for (Path file : files) {
            String content;
            try {
                content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            } catch (NoSuchFileException e) {
                continue;
            }
            for (String form : forms) {
                assertThat(content)
                        .as("%s holds a secret", home.relativize(file))
                        .doesNotContain(form);
            }
        }
    }

    /** No Java stack trace reaches the build log: every failure is one clear line. */
    static void assertNoStackTrace(Run<?, ?> run) throws IOException {
        assertThat(log(run)).doesNotContain("\tat ").doesNotContain("Exception:");
    }
}

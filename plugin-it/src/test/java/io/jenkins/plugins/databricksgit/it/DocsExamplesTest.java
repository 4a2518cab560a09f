package io.jenkins.plugins.databricksgit.it;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.databricksgit.impl.BitbucketRepositoryAccessTokenImpl;
import io.jenkins.plugins.databricksgit.testkit.EmulatedPrincipal;
import io.jenkins.plugins.databricksgit.workspace.DatabricksWorkspaces;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jenkinsci.plugins.workflow.actions.ArgumentsAction;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.jenkinsci.plugins.workflow.cps.nodes.StepEndNode;
import org.jenkinsci.plugins.workflow.cps.nodes.StepNode;
import org.jenkinsci.plugins.workflow.cps.nodes.StepStartNode;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Every Pipeline example in README.md and docs/*.md runs in a real Jenkins as written (a shell line becomes an
 * {@code echo}, a documentation host becomes the emulator), and the snippet generator writes each of its calls of
 * our steps exactly as the documentation does, so the two cannot drift apart.
 */
@WithJenkins
class DocsExamplesTest {
    private static final List<String> STEPS = List.of("withDatabricksGitCredential", "databricksGitCredential");

    private Controller.Databricks databricks;

    static Stream<Docs.Example> examples() throws Exception {
        return Docs.examples("groovy").stream()
                .filter(e -> STEPS.stream().anyMatch(s -> e.text().contains(s + "(")));
    }

    @BeforeEach
    void allowTheEmulatorsHost() {
        // The documentation's hosts are Databricks domains; here they become the emulator on loopback, which an
        // administrator of an air-gapped controller would allow the same way.
        System.setProperty(DatabricksWorkspaces.ALLOWED_HOSTS_PROPERTY, "127.0.0.1");
    }

    @AfterEach
    void tearDown() {
        System.clearProperty(DatabricksWorkspaces.ALLOWED_HOSTS_PROPERTY);
        if (databricks != null) {
            databricks.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void runsAsDocumentedAndTheSnippetGeneratorAgrees(Docs.Example example, JenkinsRule j) throws Exception {
        databricks = new Controller.Databricks();
        Controller c = new Controller(j, databricks);
        // The token names no Bitbucket repository, so no example checks it with Bitbucket: a host-mode example
        // would ask api.bitbucket.org, which a test cannot reach.
        BitbucketRepositoryAccessTokenImpl token =
                Controller.bitbucketToken(Controller.BITBUCKET_CREDENTIAL, databricks.token);
        token.setWorkspace(null);
        token.setRepository(null);
        c.addGlobal(token);
        c.addGlobal(Controller.secretText(Controller.DATABRICKS_CREDENTIAL, databricks.deployBotPat));
        c.workspaces(c.workspace(Controller.WORKSPACE, Controller.DATABRICKS_CREDENTIAL, w -> {}));
        // What the examples name besides the usual set-up: a Service Principal Manager's token, and the service
        // principal it manages (the application id the documentation shows).
        EmulatedPrincipal manager = databricks.emulator.addUser("ops@example.com", "ops");
        EmulatedPrincipal jobRunner = databricks.emulator.addServicePrincipal(
                4242424242L, "6f1d2a3b-9c4e-4f5a-8b7c-0d1e2f3a4b5c", "job-runner");
        databricks.emulator.grantManager(manager, jobRunner);
        c.addGlobal(Controller.secretText("databricks-manager-pat", databricks.emulator.issuePat(manager)));

        String script = runnable(example.text(), databricks.url());
        WorkflowRun run = c.run(c.pipeline("example", script), Result.SUCCESS);
        Controller.assertNoStackTrace(run);

        assertThat(generated(run))
                .as("the snippet generator's text for each call in\n%s", script)
                .containsExactlyInAnyOrderElementsOf(calls(script));
        c.assertNoSecretOnDisk();
    }

    /** The example as a script this Jenkins can run. */
    static String runnable(String example, String databricksUrl) {
        String script = example.replaceAll("(?m)^(\\s*)sh '", "$1echo '")
                .replaceAll("host: 'https://[^']+'", "host: '" + databricksUrl + "'");
        if (script.strip().startsWith("pipeline {")) {
            // Declarative needs the pipeline-model-definition plugin, which this build does not have: run what the
            // stages' steps do, as scripted Pipeline.
            StringBuilder steps = new StringBuilder();
            int from = 0;
            while ((from = script.indexOf("steps {", from)) >= 0) {
                int open = script.indexOf('{', from);
                int close = matching(script, open, '{', '}');
                steps.append(script, open + 1, close).append('\n');
                from = close;
            }
            script = steps.toString();
        }
        return script;
    }

    /** Our step calls in a script, whitespace collapsed, from the function name to its closing parenthesis. */
    static List<String> calls(String script) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < script.length(); i++) {
            for (String step : STEPS) {
                if (script.startsWith(step + "(", i) && (i == 0 || !Character.isLetter(script.charAt(i - 1)))) {
                    int open = i + step.length();
                    found.add(normalise(script.substring(i, matching(script, open, '(', ')') + 1)));
                    i = open;
                }
            }
        }
        return found;
    }

    /** What the snippet generator writes for each of our step calls the build made. */
    private static List<String> generated(WorkflowRun run) throws Exception {
        List<String> snippets = new ArrayList<>();
        FlowExecution execution = run.getExecution();
        for (FlowNode node : new DepthFirstScanner().allNodes(execution)) {
            if (!(node instanceof StepNode stepNode) || node instanceof StepEndNode) {
                continue;
            }
            if (node instanceof StepStartNode start && start.isBody()) {
                continue; // the start of a block's body, not a call
            }
            StepDescriptor d = stepNode.getDescriptor();
            if (d == null || !STEPS.contains(d.getFunctionName())) {
                continue;
            }
            Map<String, Object> arguments = ArgumentsAction.getArguments(node);
            Step step = d.newInstance(arguments);
            snippets.add(asCall(Snippetizer.object2Groovy(step), d.getFunctionName()));
        }
        return snippets;
    }

    /**
     * The generator writes a step without a body as {@code name args} and a block as {@code name(args) { ... }}; the
     * documentation writes both with parentheses. Same arguments, same order, either way.
     */
    static String asCall(String generated, String function) {
        String text = generated.strip();
        if (text.startsWith(function + "(")) {
            return normalise(text.substring(0, matching(text, function.length(), '(', ')') + 1));
        }
        return normalise(function + "(" + text.substring(function.length()).strip() + ")");
    }

    private static String normalise(String call) {
        return call.replaceAll("\\s+", " ").replace("( ", "(").replace(" )", ")");
    }

    private static int matching(String text, int open, char opening, char closing) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\'') {
                quoted = !quoted;
            } else if (!quoted && ch == opening) {
                depth++;
            } else if (!quoted && ch == closing && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced " + opening + " in " + text);
    }
}

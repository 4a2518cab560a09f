package io.jenkins.plugins.databricksgit.it;

import hudson.Extension;
import hudson.model.TaskListener;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code printSecret 'plain' | 'url' | 'basic' | 'split'}: prints the token the test set, the way a careless tool in
 * a block would (as is, URL-encoded, in a Basic authorization header, or written in two pieces). The token is never
 * in the Pipeline script, so the job's config.xml cannot leak it into the scan of JENKINS_HOME.
 */
public final class PrintSecret extends Step {
    static volatile String secret;

    private final String form;

    @DataBoundConstructor
    public PrintSecret(String form) {
        this.form = form;
    }

    public String getForm() {
        return form;
    }

    static String render(String form, String token) {
        return switch (form) {
            case "plain" -> "token=" + token;
            case "url" -> "url=https://x-token-auth:" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                    + "@bitbucket.org";
            case "basic" -> "Authorization: Basic "
                    + Base64.getEncoder().encodeToString(("x-token-auth:" + token).getBytes(StandardCharsets.UTF_8));
            default -> throw new IllegalArgumentException(form);
        };
    }

    @Override
    public StepExecution start(StepContext context) {
        return new SynchronousStepExecution<Void>(context) {
            private static final long serialVersionUID = 1L;

            @Override
            protected Void run() throws Exception {
                var out = getContext().get(TaskListener.class).getLogger();
                if (form.equals("split")) {
                    // One line, two writes: a masker that works on writes rather than lines would miss it.
                    String t = secret;
                    out.print("split=" + t.substring(0, t.length() / 2));
                    out.flush();
                    out.println(t.substring(t.length() / 2));
                } else {
                    out.println(render(form, secret));
                }
                return null;
            }
        };
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "printSecret";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(TaskListener.class);
        }
    }
}

package io.jenkins.plugins.databricksgit.steps;

import hudson.console.ConsoleLogFilter;
import hudson.model.Run;
import hudson.util.Secret;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Masks the token in a block's output (and, for the build wrapper, in the build's). Serialized with the program
 * while the block runs, so the token is held as a {@link Secret} (which Jenkins writes encrypted), never as a
 * String.
 */
final class MaskingConsoleLogFilter extends ConsoleLogFilter implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Secret token;
    private final String charsetName;

    MaskingConsoleLogFilter(Secret token, String charsetName) {
        this.token = token;
        this.charsetName = charsetName;
    }

    @Override
    @SuppressWarnings("rawtypes") // overrides ConsoleLogFilter.decorateLogger(Run, OutputStream), raw in Jenkins
    public OutputStream decorateLogger(Run build, OutputStream logger) {
        Charset charset = charsetName != null ? Charset.forName(charsetName) : StandardCharsets.UTF_8;
        return new MaskingOutputStream(logger, token.getPlainText(), charset);
    }
}

package io.jenkins.plugins.databricksgit.core.lifecycle;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Keeps what the removal lifecycle writes to the controller log (removals done in the background, and the failures
 * the tests cause on purpose) out of the build output while a test class runs; warnings still show. Tests read the
 * lines they assert on from the build logs they pass in, not from the controller log.
 */
final class QuietControllerLog implements BeforeAllCallback, AfterAllCallback {
    /** Held strongly: {@link Logger} keeps loggers weakly, and a collected one would lose its level. */
    private static final Logger LIFECYCLE = Logger.getLogger("io.jenkins.plugins.databricksgit.core.lifecycle");

    private Level previous;

    @Override
    public void beforeAll(ExtensionContext context) {
        previous = LIFECYCLE.getLevel();
        LIFECYCLE.setLevel(Level.WARNING);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        LIFECYCLE.setLevel(previous);
    }
}

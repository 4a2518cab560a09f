package hudson;

import java.io.IOException;

/**
 * Value behaviour as in Jenkins: an exception that carries its message (the plugin throws it with actionable text and
 * tests read it back).
 */
public class AbortException extends IOException {
    private static final long serialVersionUID = 1L;

    public AbortException(String message) {
        super(message);
    }
}

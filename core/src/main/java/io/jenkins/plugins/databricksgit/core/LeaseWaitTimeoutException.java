package io.jenkins.plugins.databricksgit.core;

import java.time.Duration;
import java.util.List;

/**
 * A push with a different token gave up waiting because builds still hold a lease on the principal's credential with
 * their own token. Overwriting it would break those builds, so the push fails instead; {@link #holders()} names them.
 * Its {@link #reason()} is {@link Reason#TIMEOUT} with {@link #status()} 0: no HTTP call timed out, nothing was sent.
 */
public final class LeaseWaitTimeoutException extends DatabricksException {
    private static final long serialVersionUID = 1L;

    private final List<String> holders;
    private final Duration waited;

    public LeaseWaitTimeoutException(String message, List<String> holders, Duration waited) {
        super(Reason.TIMEOUT, 0, null, null, false, message, null);
        this.holders = List.copyOf(holders);
        this.waited = waited;
    }

    /** Who held the credential when the wait ended (display names, never secrets). */
    public List<String> holders() {
        return holders;
    }

    /** How long the push waited. */
    public Duration waited() {
        return waited;
    }
}

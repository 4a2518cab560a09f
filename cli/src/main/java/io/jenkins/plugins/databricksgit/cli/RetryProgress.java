package io.jenkins.plugins.databricksgit.cli;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Shows the HTTP client's retries (rate limits, unavailable services, refused connections) as progress lines, so
 * that a call waiting out a {@code Retry-After} does not look hung. The client reports each retry on its logger at
 * FINE, naming method, path, status and delay (never headers or bodies).
 */
final class RetryProgress implements AutoCloseable {
    private static final String CLIENT_LOGGER = "io.jenkins.plugins.databricksgit.core.internal.ApiCaller";

    /** Held strongly: the logging framework keeps loggers only weakly, and with them their level. */
    private final Logger logger;

    private final Level previousLevel;
    private final Handler handler;

    private RetryProgress(Output output) {
        logger = Logger.getLogger(CLIENT_LOGGER);
        previousLevel = logger.getLevel();
        handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record.getMessage();
                if (message != null && message.contains("retrying")) {
                    output.progress(message + "...");
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        handler.setLevel(Level.FINE);
        if (!logger.isLoggable(Level.FINE)) {
            logger.setLevel(Level.FINE);
        }
        logger.addHandler(handler);
    }

    static RetryProgress attach(Output output) {
        return new RetryProgress(output);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(previousLevel);
    }
}

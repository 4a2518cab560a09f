package io.jenkins.plugins.databricksgit.core.internal;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Runs once a connection is established, right before the request is written: from then on a failure means the
 * server may have applied the request (its outcome is unknown). Also logs method, path and status at FINE, never
 * headers, query or bodies.
 */
final class SendTracker implements Interceptor {
    private static final Logger LOGGER = Logger.getLogger(SendTracker.class.getName());

    @Override
    public Response intercept(Chain chain) throws IOException {
        var request = chain.request();
        Attempt attempt = request.tag(Attempt.class);
        if (attempt != null) {
            attempt.markSent();
        }
        long start = System.nanoTime();
        Response response = chain.proceed(request);
        if (LOGGER.isLoggable(Level.FINE)) {
            LOGGER.fine(request.method() + " " + request.url().encodedPath() + " -> " + response.code() + " ("
                    + (System.nanoTime() - start) / 1_000_000 + " ms)");
        }
        return response;
    }

    /** Per-attempt state carried as a request tag. */
    static final class Attempt {
        private volatile boolean sent;

        void markSent() {
            sent = true;
        }

        boolean sent() {
            return sent;
        }
    }
}

package org.kohsuke.stapler;

public class HttpResponses {
    public abstract static class HttpResponseException extends RuntimeException implements HttpResponse {
        private static final long serialVersionUID = 1L;
    }

    public static HttpResponseException forwardToPreviousPage() {
        throw new UnsupportedOperationException();
    }
}

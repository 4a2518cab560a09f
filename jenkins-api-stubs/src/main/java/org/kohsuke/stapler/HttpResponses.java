package org.kohsuke.stapler;

public class HttpResponses {
    public static HttpResponse forwardToPreviousPage() {
        throw new UnsupportedOperationException();
    }
}

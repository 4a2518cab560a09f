package org.kohsuke.stapler;

public class BindInterceptor {

    private BindInterceptor() {
        throw new UnsupportedOperationException();
    }
}

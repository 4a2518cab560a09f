package org.kohsuke.stapler;

public class WebApp {

    private WebApp() {
        throw new UnsupportedOperationException();
    }
}

package org.kohsuke.stapler.lang;

public final class Klass<C> {

    private Klass() {
        throw new UnsupportedOperationException();
    }
}

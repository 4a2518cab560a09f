package org.kohsuke.stapler.bind;

import java.io.Serializable;
import org.kohsuke.stapler.StaplerFallback;

public class BoundObjectTable implements StaplerFallback {

    private BoundObjectTable() {
        throw new UnsupportedOperationException();
    }

    public Table getStaplerFallback() {
        throw new UnsupportedOperationException();
    }

    public static class Table implements Serializable {

        private Table() {
            throw new UnsupportedOperationException();
        }
    }
}

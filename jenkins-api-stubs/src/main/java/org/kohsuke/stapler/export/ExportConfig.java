package org.kohsuke.stapler.export;

public class ExportConfig {

    private ExportConfig() {
        throw new UnsupportedOperationException();
    }
}

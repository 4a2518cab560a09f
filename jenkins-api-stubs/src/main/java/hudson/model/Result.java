package hudson.model;

import java.io.Serializable;
import org.kohsuke.stapler.export.CustomExportedBean;

public final class Result implements Serializable, CustomExportedBean {

    private Result() {
        throw new UnsupportedOperationException();
    }

    public String toExportedObject() {
        throw new UnsupportedOperationException();
    }
}

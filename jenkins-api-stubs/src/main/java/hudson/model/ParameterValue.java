package hudson.model;

import java.io.Serializable;

public abstract class ParameterValue implements Serializable {

    private ParameterValue() {
        throw new UnsupportedOperationException();
    }
}

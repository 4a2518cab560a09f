package hudson.model;

public abstract class Cause {

    private Cause() {
        throw new UnsupportedOperationException();
    }

    public abstract String getShortDescription();
}

package jenkins.security;

import java.io.IOException;

public abstract class ConfidentialKey {

    protected ConfidentialKey(String id) {
        throw new UnsupportedOperationException();
    }

    protected byte[] load() throws IOException {
        throw new UnsupportedOperationException();
    }

    protected void store(byte[] payload) throws IOException {
        throw new UnsupportedOperationException();
    }

    public String getId() {
        throw new UnsupportedOperationException();
    }
}

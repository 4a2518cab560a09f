package com.cloudbees.plugins.credentials;

public class BaseCredentials implements Credentials {

    private final CredentialsScope scope;

    protected BaseCredentials() {
        this.scope = null;
    }

    public BaseCredentials(CredentialsScope scope) {
        this.scope = scope;
    }

    public CredentialsScope getScope() {
        return scope;
    }

    public CredentialsDescriptor getDescriptor() {
        throw new UnsupportedOperationException();
    }
}

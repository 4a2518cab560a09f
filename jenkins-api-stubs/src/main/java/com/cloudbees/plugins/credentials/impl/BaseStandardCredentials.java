package com.cloudbees.plugins.credentials.impl;

import com.cloudbees.plugins.credentials.BaseCredentials;
import com.cloudbees.plugins.credentials.CredentialsDescriptor;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;

public abstract class BaseStandardCredentials extends BaseCredentials implements StandardCredentials {

    private final String id;

    private final String description;

    public BaseStandardCredentials(String id, String description) {
        this(null, id, description);
    }

    public BaseStandardCredentials(CredentialsScope scope, String id, String description) {
        super(scope);
        this.id = id == null || id.isEmpty() ? java.util.UUID.randomUUID().toString() : id;
        this.description = description == null ? "" : description;
    }

    public String getDescription() {
        return description;
    }

    public String getId() {
        return id;
    }

    public final int hashCode() {
        return id.hashCode();
    }

    public final boolean equals(Object o) {
        return this == o || o instanceof StandardCredentials that && id.equals(that.getId());
    }

    protected abstract static class BaseStandardCredentialsDescriptor extends CredentialsDescriptor {

        /** Does nothing here, so that unit tests can instantiate subclasses. */
        protected BaseStandardCredentialsDescriptor() {}
    }
}

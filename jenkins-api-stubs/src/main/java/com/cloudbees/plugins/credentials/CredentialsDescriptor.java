package com.cloudbees.plugins.credentials;

import hudson.model.Descriptor;
import org.jenkins.ui.icon.IconSpec;

public abstract class CredentialsDescriptor extends Descriptor<Credentials> implements IconSpec {

    /** Does nothing here, so that unit tests can instantiate subclasses. */
    protected CredentialsDescriptor() {}

    public String getIconClassName() {
        throw new UnsupportedOperationException();
    }
}

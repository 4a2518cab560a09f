package com.cloudbees.plugins.credentials;

public abstract class CredentialsNameProvider<C extends Credentials> {

    public abstract String getName(C credentials);
}

package com.cloudbees.plugins.credentials;

public class CredentialsMatchers {

    private CredentialsMatchers() {
        throw new UnsupportedOperationException();
    }

    public static CredentialsMatcher instanceOf(Class clazz) {
        throw new UnsupportedOperationException();
    }

    public static CredentialsMatcher anyOf(CredentialsMatcher... matchers) {
        throw new UnsupportedOperationException();
    }

    public static CredentialsMatcher allOf(CredentialsMatcher... matchers) {
        throw new UnsupportedOperationException();
    }

    public static CredentialsMatcher withUsername(String username) {
        throw new UnsupportedOperationException();
    }
}

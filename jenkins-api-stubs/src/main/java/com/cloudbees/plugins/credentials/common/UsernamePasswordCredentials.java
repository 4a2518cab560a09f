package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.CredentialsNameProvider;
import com.cloudbees.plugins.credentials.NameWith;

@NameWith(value = UsernamePasswordCredentials.NameProvider.class, priority = 1)
public interface UsernamePasswordCredentials extends UsernameCredentials, PasswordCredentials {

    class NameProvider extends CredentialsNameProvider<UsernamePasswordCredentials> {

        private NameProvider() {
            throw new UnsupportedOperationException();
        }

        public String getName(UsernamePasswordCredentials credentials) {
            throw new UnsupportedOperationException();
        }
    }
}

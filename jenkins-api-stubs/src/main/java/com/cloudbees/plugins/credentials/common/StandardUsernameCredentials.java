package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.CredentialsNameProvider;
import com.cloudbees.plugins.credentials.NameWith;

@NameWith(value = StandardUsernameCredentials.NameProvider.class, priority = 16)
public interface StandardUsernameCredentials extends StandardCredentials, UsernameCredentials {

    class NameProvider extends CredentialsNameProvider<StandardUsernameCredentials> {

        private NameProvider() {
            throw new UnsupportedOperationException();
        }

        public String getName(StandardUsernameCredentials c) {
            throw new UnsupportedOperationException();
        }
    }
}

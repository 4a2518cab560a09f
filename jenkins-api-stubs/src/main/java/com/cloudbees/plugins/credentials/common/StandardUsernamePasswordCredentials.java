package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.CredentialsNameProvider;
import com.cloudbees.plugins.credentials.NameWith;

@NameWith(value = StandardUsernamePasswordCredentials.NameProvider.class, priority = 32)
public interface StandardUsernamePasswordCredentials extends StandardUsernameCredentials, UsernamePasswordCredentials {

    class NameProvider extends CredentialsNameProvider<StandardUsernameCredentials> {

        private NameProvider() {
            throw new UnsupportedOperationException();
        }

        public String getName(StandardUsernameCredentials c) {
            throw new UnsupportedOperationException();
        }
    }
}

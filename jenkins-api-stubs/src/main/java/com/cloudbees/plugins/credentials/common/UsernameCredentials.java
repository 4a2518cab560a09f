package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsNameProvider;
import com.cloudbees.plugins.credentials.NameWith;

@NameWith(UsernameCredentials.NameProvider.class)
public interface UsernameCredentials extends Credentials {

    String getUsername();

    class NameProvider extends CredentialsNameProvider<UsernameCredentials> {

        private NameProvider() {
            throw new UnsupportedOperationException();
        }

        public String getName(UsernameCredentials credentials) {
            throw new UnsupportedOperationException();
        }
    }
}

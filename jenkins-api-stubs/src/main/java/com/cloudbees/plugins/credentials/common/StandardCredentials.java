package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.CredentialsNameProvider;
import com.cloudbees.plugins.credentials.NameWith;

@NameWith(value = StandardCredentials.NameProvider.class, priority = -16)
public interface StandardCredentials extends IdCredentials {

    String getDescription();

    class NameProvider extends CredentialsNameProvider<StandardCredentials> {

        private NameProvider() {
            throw new UnsupportedOperationException();
        }

        public String getName(StandardCredentials c) {
            throw new UnsupportedOperationException();
        }
    }
}

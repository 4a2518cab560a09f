package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.CredentialsNameProvider;
import com.cloudbees.plugins.credentials.NameWith;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.util.Secret;

@NameWith(StringCredentials.NameProvider.class)
public interface StringCredentials extends StandardCredentials {

    Secret getSecret();

    class NameProvider extends CredentialsNameProvider<StringCredentials> {

        private NameProvider() {
            throw new UnsupportedOperationException();
        }

        public String getName(StringCredentials c) {
            throw new UnsupportedOperationException();
        }
    }
}

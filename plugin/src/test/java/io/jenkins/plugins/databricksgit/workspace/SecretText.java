package io.jenkins.plugins.databricksgit.workspace;

import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import hudson.util.Secret;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/** A Secret text credential, as plain-credentials' StringCredentialsImpl holds one. */
final class SecretText extends BaseStandardCredentials implements StringCredentials {
    private final Secret secret;

    SecretText(String id, String secret) {
        super(id, "");
        this.secret = Secret.fromString(secret);
    }

    @Override
    public Secret getSecret() {
        return secret;
    }
}

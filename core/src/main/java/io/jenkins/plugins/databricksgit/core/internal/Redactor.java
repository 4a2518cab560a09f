package io.jenkins.plugins.databricksgit.core.internal;

import io.jenkins.plugins.databricksgit.core.SecretValue;
import java.util.List;

/**
 * Removes known secrets from text that came from elsewhere (a server's error message, an exception text), as a
 * second line of defence: messages are built without secrets in the first place.
 */
public final class Redactor {
    private final List<SecretValue> secrets;

    public Redactor(List<SecretValue> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    public Redactor plus(SecretValue secret) {
        var all = new java.util.ArrayList<>(secrets);
        all.add(secret);
        return new Redactor(all);
    }

    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (SecretValue s : secrets) {
            String v = s.reveal();
            if (v.length() >= 4 && out.contains(v)) {
                out = out.replace(v, "****");
            }
        }
        return out;
    }
}

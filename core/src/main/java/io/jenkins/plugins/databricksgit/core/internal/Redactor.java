package io.jenkins.plugins.databricksgit.core.internal;

import io.jenkins.plugins.databricksgit.core.RedactingOutputStream;
import io.jenkins.plugins.databricksgit.core.SecretForms;
import io.jenkins.plugins.databricksgit.core.SecretValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Removes known secrets from text that came from elsewhere (a server's error message, an exception text), as a
 * second line of defence: messages are built without secrets in the first place. Each secret is removed in every
 * form {@link SecretForms} knows (as is, URL-encoded, JSON-escaped, base64 alone and as {@code user:secret} for the
 * user names it is sent with), so that a server echoing a Basic authorization header back cannot put it into a
 * message. Immutable.
 */
public final class Redactor {
    private record Known(SecretValue secret, List<String> users) {}

    private final List<Known> secrets;
    private final List<Supplier<? extends Collection<SecretValue>>> live;

    public Redactor(List<SecretValue> secrets) {
        this(secrets.stream().map(s -> new Known(s, List.of())).toList(), List.of());
    }

    private Redactor(List<Known> secrets, List<Supplier<? extends Collection<SecretValue>>> live) {
        this.secrets = List.copyOf(secrets);
        this.live = List.copyOf(live);
    }

    /** Also removes {@code secret}. */
    public Redactor plus(SecretValue secret) {
        return plus(new Known(secret, List.of()));
    }

    /** Also removes {@code secret}, including the base64 of {@code user:secret} that HTTP Basic authentication sends. */
    public Redactor plusBasic(String user, SecretValue secret) {
        return plus(new Known(secret, List.of(user)));
    }

    /**
     * Also removes the secrets {@code source} gives at the time text is scrubbed: secrets obtained during a call, such
     * as an OAuth access token fetched or refreshed on the way.
     */
    public Redactor plusLive(Supplier<? extends Collection<SecretValue>> source) {
        List<Supplier<? extends Collection<SecretValue>>> all = new ArrayList<>(live);
        all.add(source);
        return new Redactor(secrets, all);
    }

    private Redactor plus(Known known) {
        List<Known> all = new ArrayList<>(secrets);
        all.add(known);
        return new Redactor(all, live);
    }

    /** Every form of every secret, longest first. */
    List<String> forms() {
        Set<String> forms = new LinkedHashSet<>();
        for (Known k : secrets) {
            forms.addAll(SecretForms.of(k.secret().reveal(), k.users()));
        }
        for (Supplier<? extends Collection<SecretValue>> source : live) {
            Collection<SecretValue> current = source.get();
            if (current != null) {
                for (SecretValue s : current) {
                    forms.addAll(SecretForms.of(s.reveal(), List.of()));
                }
            }
        }
        List<String> sorted = new ArrayList<>(forms);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return sorted;
    }

    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String form : forms()) {
            if (out.contains(form)) {
                out = out.replace(form, RedactingOutputStream.MASK);
            }
        }
        return out;
    }
}

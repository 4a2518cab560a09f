package io.jenkins.plugins.databricksgit.core;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The syntax rules of a push's inputs, checked before anything is recorded or sent, so that an input that can never
 * work fails at once with one clear message instead of leaving a removal behind that can never succeed. Shared by
 * the Jenkins steps and the command-line tool. Every check throws {@link IllegalArgumentException} with a message
 * that names the field and never repeats a value that could be a pasted secret.
 */
public final class PushInputs {
    /**
     * The longest credential name accepted. Databricks documents no limit for {@code name} (a Public Preview field);
     * 255 characters is far beyond any useful name and keeps the request small.
     */
    public static final int MAX_NAME_LENGTH = 255;

    /** The longest Git e-mail accepted: the longest address RFC 5321 allows in a path. */
    public static final int MAX_GIT_EMAIL_LENGTH = 254;

    /** The longest wait for another build's lease; anything longer is a mistake (seconds taken for minutes). */
    public static final Duration MAX_WAIT_TIMEOUT = Duration.ofHours(24);

    private static final Pattern NUMERIC_ID = Pattern.compile("[0-9]{1,19}");
    private static final Pattern APPLICATION_ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private PushInputs() {}

    /** Checks every input that is given; {@code null} or blank means not given. */
    public static void check(String servicePrincipal, String name, String gitEmail, Duration waitTimeout) {
        servicePrincipal(servicePrincipal);
        name(name);
        gitEmail(gitEmail);
        waitTimeout(waitTimeout);
    }

    /** A service principal is named by its numeric id or its applicationId (a UUID). */
    public static void servicePrincipal(String servicePrincipal) {
        if (servicePrincipal == null || servicePrincipal.isBlank()) {
            return;
        }
        String sp = servicePrincipal.strip();
        if (!NUMERIC_ID.matcher(sp).matches() && !APPLICATION_ID.matcher(sp).matches()) {
            // Never echo the value: a token pasted into the wrong field must not end up in a build log.
            throw new IllegalArgumentException("servicePrincipal must be the service principal's application id (a"
                    + " UUID such as 6f1d2c3b-0000-4a5b-8c9d-0123456789ab) or its numeric id (digits only), not its"
                    + " display name; the " + sp.length() + "-character value given is neither. Both are on the"
                    + " service principal's page in the workspace settings (Identity and access > Service"
                    + " principals).");
        }
    }

    /** A workspace URL, with the rules of {@link WorkspaceUrl#parse}. */
    public static void host(String host) {
        WorkspaceUrl.parse(host);
    }

    /** The Databricks credential name: no control characters, not too long, not an ownership tag. */
    public static void name(String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(
                    "name is " + name.length() + " characters long; at most " + MAX_NAME_LENGTH + " are accepted.");
        }
        int control = firstControl(name);
        if (control >= 0) {
            throw new IllegalArgumentException("name contains a control character (such as a line break or a tab) at"
                    + " position " + (control + 1) + "; give it on one line.");
        }
        if (OwnershipTag.isTag(name.strip())) {
            throw new IllegalArgumentException("name must not start with " + OwnershipTag.PREFIX + ": that prefix marks"
                    + " the credentials this plugin names itself when no name is given. Leave name out, or choose"
                    + " another one.");
        }
    }

    /** The Git e-mail: no whitespace or control characters, not too long. */
    public static void gitEmail(String gitEmail) {
        if (gitEmail == null || gitEmail.isBlank()) {
            return;
        }
        String email = gitEmail.strip();
        if (email.length() > MAX_GIT_EMAIL_LENGTH) {
            throw new IllegalArgumentException("gitEmail is " + email.length() + " characters long; at most "
                    + MAX_GIT_EMAIL_LENGTH + " are accepted.");
        }
        for (int i = 0; i < email.length(); i++) {
            char c = email.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException("gitEmail contains a space or a control character at position "
                        + (i + 1) + "; an e-mail address is one word, such as ci@example.com.");
            }
        }
    }

    /** The wait for another build's lease: zero or more, and at most {@link #MAX_WAIT_TIMEOUT}. */
    public static void waitTimeout(Duration waitTimeout) {
        if (waitTimeout == null) {
            return;
        }
        if (waitTimeout.isNegative()) {
            throw new IllegalArgumentException(
                    "waitTimeout must be zero or more seconds, not " + waitTimeout.toSeconds() + ".");
        }
        if (waitTimeout.compareTo(MAX_WAIT_TIMEOUT) > 0) {
            throw new IllegalArgumentException("waitTimeout is " + waitTimeout.toSeconds() + " seconds, more than "
                    + MAX_WAIT_TIMEOUT.toHours() + " hours; it is given in seconds (600 waits ten minutes).");
        }
    }

    private static int firstControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}

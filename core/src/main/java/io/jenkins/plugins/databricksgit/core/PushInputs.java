package io.jenkins.plugins.databricksgit.core;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The syntax rules of a push's inputs, checked before anything is recorded or sent, so that an input that can never
 * work fails at once with one clear message instead of leaving a removal behind that can never succeed. The one rule
 * set of the Jenkins steps and the command-line tool: each names the inputs its own way ({@link Fields}). Every check
 * throws {@link IllegalArgumentException} with a message that names the field and never repeats a value that could
 * be a pasted secret. The Bitbucket token's own rules are {@link BitbucketToken#of}'s, the workspace URL's
 * {@link WorkspaceUrl#parse}'s.
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
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    /**
     * How a front end names the inputs in its messages.
     *
     * @param waitInSeconds whether the wait is given as a number of seconds (the messages then say so)
     */
    public record Fields(
            String servicePrincipal, String name, String gitEmail, String waitTimeout, boolean waitInSeconds) {
        /** The parameters of the Pipeline steps and the freestyle wrapper. */
        public static final Fields PIPELINE = new Fields("servicePrincipal", "name", "gitEmail", "waitTimeout", true);

        /** The options of the command-line tool. */
        public static final Fields COMMAND_LINE =
                new Fields("--service-principal", "--name", "--git-email", "--wait-timeout", false);
    }

    private PushInputs() {}

    /** Checks every input that is given, named as in Pipeline; {@code null} or blank means not given. */
    public static void check(String servicePrincipal, String name, String gitEmail, Duration waitTimeout) {
        check(Fields.PIPELINE, servicePrincipal, name, gitEmail, waitTimeout);
    }

    /** Checks every input that is given; {@code null} or blank means not given. */
    public static void check(
            Fields fields, String servicePrincipal, String name, String gitEmail, Duration waitTimeout) {
        servicePrincipal(fields, servicePrincipal);
        name(fields, name);
        gitEmail(fields, gitEmail);
        waitTimeout(fields, waitTimeout);
    }

    /** See {@link #servicePrincipal(Fields, String)}; named as in Pipeline. */
    public static void servicePrincipal(String servicePrincipal) {
        servicePrincipal(Fields.PIPELINE, servicePrincipal);
    }

    /**
     * A service principal is named by its applicationId (a UUID) or its numeric id: a positive number that fits in
     * 64 bits.
     */
    public static void servicePrincipal(Fields fields, String servicePrincipal) {
        if (servicePrincipal == null || servicePrincipal.isBlank()) {
            return;
        }
        String sp = servicePrincipal.strip();
        if (APPLICATION_ID.matcher(sp).matches() || positiveLong(sp)) {
            return;
        }
        // Never echo the value: a token pasted into the wrong field must not end up in a build log.
        throw new IllegalArgumentException(fields.servicePrincipal() + " must be the service principal's application"
                + " id (a UUID such as 6f1d2c3b-0000-4a5b-8c9d-0123456789ab) or its numeric id (a positive number of"
                + " at most 19 digits), not its display name; the " + sp.length() + "-character value given is"
                + " neither. Both are on the service principal's page in the workspace settings (Identity and access"
                + " > Service principals).");
    }

    /** A workspace URL, with the rules of {@link WorkspaceUrl#parse}; what it drops is the caller's to report. */
    public static WorkspaceUrl host(String host) {
        return WorkspaceUrl.parse(host);
    }

    /** See {@link #name(Fields, String)}; named as in Pipeline. */
    public static void name(String name) {
        name(Fields.PIPELINE, name);
    }

    /** The Databricks credential name: no control characters, not too long, not an ownership tag. */
    public static void name(Fields fields, String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(fields.name() + " is " + name.length() + " characters long; at most "
                    + MAX_NAME_LENGTH + " are accepted.");
        }
        int control = firstControl(name);
        if (control >= 0) {
            throw new IllegalArgumentException(fields.name() + " contains a control character (such as a line break"
                    + " or a tab) at position " + (control + 1) + "; give it on one line.");
        }
        if (OwnershipTag.isTag(name.strip())) {
            throw new IllegalArgumentException(fields.name() + " must not start with " + OwnershipTag.PREFIX + ": that"
                    + " prefix marks the credentials this project names itself when no name is given. Leave "
                    + fields.name() + " out, or choose another one.");
        }
    }

    /** See {@link #gitEmail(Fields, String)}; named as in Pipeline. */
    public static void gitEmail(String gitEmail) {
        gitEmail(Fields.PIPELINE, gitEmail);
    }

    /** The Git e-mail: one address (one {@code @}, no spaces or control characters), not too long. */
    public static void gitEmail(Fields fields, String gitEmail) {
        if (gitEmail == null || gitEmail.isBlank()) {
            return;
        }
        String email = gitEmail.strip();
        if (email.length() > MAX_GIT_EMAIL_LENGTH) {
            throw new IllegalArgumentException(fields.gitEmail() + " is " + email.length() + " characters long; an"
                    + " e-mail address has at most " + MAX_GIT_EMAIL_LENGTH + ".");
        }
        for (int i = 0; i < email.length(); i++) {
            char c = email.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException(fields.gitEmail() + " contains a space or a control character at"
                        + " position " + (i + 1) + "; an e-mail address is one word, such as ci@example.com.");
            }
        }
        if (!EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException(fields.gitEmail() + " is not an e-mail address (one @ between a name"
                    + " and a domain); give one such as ci@example.com.");
        }
    }

    /** See {@link #waitTimeout(Fields, Duration)}; named as in Pipeline. */
    public static void waitTimeout(Duration waitTimeout) {
        waitTimeout(Fields.PIPELINE, waitTimeout);
    }

    /** The wait for another build's lease: zero or more, and at most {@link #MAX_WAIT_TIMEOUT}. */
    public static void waitTimeout(Fields fields, Duration waitTimeout) {
        if (waitTimeout == null) {
            return;
        }
        if (waitTimeout.isNegative()) {
            throw new IllegalArgumentException(
                    fields.waitInSeconds()
                            ? fields.waitTimeout() + " must be zero or more seconds, not " + waitTimeout.toSeconds()
                                    + "."
                            : fields.waitTimeout() + " must not be negative.");
        }
        if (waitTimeout.compareTo(MAX_WAIT_TIMEOUT) > 0) {
            throw new IllegalArgumentException(
                    fields.waitInSeconds()
                            ? fields.waitTimeout() + " is " + waitTimeout.toSeconds() + " seconds, more than 24 hours;"
                                    + " it is given in seconds (600 waits ten minutes)."
                            : fields.waitTimeout() + " may be at most 24h; a job waiting that long for another one is"
                                    + " stuck.");
        }
    }

    private static boolean positiveLong(String s) {
        if (!NUMERIC_ID.matcher(s).matches()) {
            return false;
        }
        try {
            return Long.parseLong(s) > 0;
        } catch (NumberFormatException e) {
            return false;
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

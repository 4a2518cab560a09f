package io.jenkins.plugins.databricksgit.cli;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Syntax rules for what a user types, checked before any request leaves the machine, so that a value that can never
 * work fails at once with one line instead of after a Bitbucket check or a Databricks look-up. Values are never
 * echoed: a token pasted into the wrong option must not end up in a terminal or a CI log.
 */
final class InputChecks {
    /** Repository access tokens are about 200 characters; far more means a file or variable holds something else. */
    static final int MAX_TOKEN_LENGTH = 1024;

    static final int MAX_NAME_LENGTH = 256;
    /** The longest address SMTP allows (RFC 5321). */
    static final int MAX_EMAIL_LENGTH = 254;

    static final Duration MAX_WAIT = Duration.ofHours(24);

    private static final Pattern UUID =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern DIGITS = Pattern.compile("^[0-9]{1,19}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

    private InputChecks() {}

    /** An applicationId (UUID) or a positive numeric id that fits a 64-bit number, or absent. */
    static void servicePrincipal(String value) {
        if (value == null) {
            return;
        }
        String v = value.strip();
        if (UUID.matcher(v).matches()) {
            return;
        }
        if (DIGITS.matcher(v).matches()) {
            try {
                if (Long.parseLong(v) > 0) {
                    return;
                }
            } catch (NumberFormatException e) {
                // too large for an id: reported below
            }
        }
        throw CliException.usage("--service-principal must be an application id (a UUID such as"
                + " 6f1d2c3b-0000-4a5b-8c9d-0123456789ab) or a positive numeric id of at most 19 digits; the "
                + v.length() + "-character value given is neither");
    }

    /** The Databricks credential name: printable, at most {@value #MAX_NAME_LENGTH} characters, or absent. */
    static void name(String value) {
        if (value == null) {
            return;
        }
        if (value.length() > MAX_NAME_LENGTH) {
            throw CliException.usage(
                    "--name is " + value.length() + " characters long; give at most " + MAX_NAME_LENGTH);
        }
        int control = firstControl(value);
        if (control >= 0) {
            throw CliException.usage("--name contains a control character (a line break or tab?) at position "
                    + (control + 1) + "; give a name on one line");
        }
    }

    /** The Git e-mail: one address, at most {@value #MAX_EMAIL_LENGTH} characters, or absent. */
    static void email(String value) {
        if (value == null) {
            return;
        }
        if (value.length() > MAX_EMAIL_LENGTH) {
            throw CliException.usage("--git-email is " + value.length() + " characters long; an e-mail address has"
                    + " at most " + MAX_EMAIL_LENGTH);
        }
        int control = firstControl(value);
        if (control >= 0) {
            throw CliException.usage("--git-email contains a control character at position " + (control + 1)
                    + "; give one address such as ci@example.com");
        }
        if (!EMAIL.matcher(value.strip()).matches()) {
            throw CliException.usage("--git-email is not an e-mail address; give one such as ci@example.com");
        }
    }

    /** How long a push may wait for other holders: at most {@link #MAX_WAIT}. */
    static void waitTimeout(Duration value) {
        if (value != null && value.compareTo(MAX_WAIT) > 0) {
            throw CliException.usage("--wait-timeout may be at most 24h; a CI job waiting longer is stuck");
        }
    }

    /** A token read from a file, stdin or the environment: not absurdly long. */
    static void tokenLength(String raw) {
        if (raw.length() > MAX_TOKEN_LENGTH) {
            throw CliException.usage("the Bitbucket token is " + raw.length() + " characters long, far more than a"
                    + " repository access token (about 200): check that the file or variable holds only the token");
        }
    }

    private static int firstControl(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}

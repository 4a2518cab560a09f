package io.jenkins.plugins.databricksgit.core;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * How close a token is to the expiry date its owner recorded. Bitbucket shows the date when an access token is
 * created and nothing warns before builds start failing; this lets the credential form warn first.
 *
 * @param daysLeft days from today to the expiry date (negative once expired; 0 when it expires today)
 */
public record TokenExpiry(Status status, LocalDate expiresOn, long daysLeft) {
    /** Warn this many days ahead. */
    public static final int WARNING_DAYS = 14;

    public enum Status {
        /** No expiry date recorded. */
        UNKNOWN,
        VALID,
        /** Expires today or within {@link #WARNING_DAYS} days. */
        EXPIRING_SOON,
        EXPIRED
    }

    /**
     * @param expiresOn the recorded expiry date, or {@code null}
     * @param today the current date in the controller's time zone
     */
    public static TokenExpiry check(LocalDate expiresOn, LocalDate today) {
        if (expiresOn == null) {
            return new TokenExpiry(Status.UNKNOWN, null, 0);
        }
        long days = ChronoUnit.DAYS.between(today, expiresOn);
        Status status = days < 0 ? Status.EXPIRED : days <= WARNING_DAYS ? Status.EXPIRING_SOON : Status.VALID;
        return new TokenExpiry(status, expiresOn, days);
    }

    /**
     * Parses an ISO date ({@code 2027-03-31}); blank gives {@code null}.
     *
     * @throws IllegalArgumentException with an example of the expected form
     */
    public static LocalDate parseDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "\"" + text.strip() + "\" is not a date. Write it as year-month-day, for example 2027-03-31.");
        }
    }
}

package io.jenkins.plugins.databricksgit.testkit;

/**
 * An OAuth M2M client of a service principal: its applicationId and one of its secrets.
 *
 * <p>{@link #toString()} leaves the secret out so the record can be logged or shown in assertion messages.
 */
public record OAuthClient(String clientId, String clientSecret) {
    @Override
    public String toString() {
        return "OAuthClient[clientId=" + clientId + ", clientSecret=****]";
    }
}

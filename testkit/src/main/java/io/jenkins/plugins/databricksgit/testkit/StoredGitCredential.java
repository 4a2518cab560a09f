package io.jenkins.plugins.databricksgit.testkit;

/**
 * A Git credential as the emulator stores it, token included, so tests can assert what was written.
 *
 * <p>{@link #toString()} leaves the token out so the record can appear in assertion messages.
 */
public record StoredGitCredential(
        long id, String gitProvider, String gitUsername, String gitEmail, String name, String token) {
    @Override
    public String toString() {
        return "StoredGitCredential[id=" + id + ", gitProvider=" + gitProvider + ", gitUsername=" + gitUsername
                + ", gitEmail=" + gitEmail + ", name=" + name + ", token=****]";
    }
}

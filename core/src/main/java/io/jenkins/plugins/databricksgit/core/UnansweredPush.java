package io.jenkins.plugins.databricksgit.core;

/**
 * A push whose outcome is unknown (it was aborted, timed out or failed half-way): Databricks may or may not hold what
 * it wrote. What is known about it, without any secret, to decide at removal time whether the principal's credential
 * is still what this push wrote.
 *
 * @param pushId the push's id
 * @param credentialName the {@code name} the push wrote (its {@link OwnershipTag} or the user's name), or
 *     {@code null} when not recorded (a push recorded before names were written)
 * @param tokenFingerprint the fingerprint of the pushed token, or {@code null} when not recorded
 * @param principalId the owner's numeric id as resolved before the push, or 0 when not recorded or not needed
 * @param applicationId the owner's applicationId as known before the push, or {@code null}
 */
public record UnansweredPush(
        String pushId, String credentialName, String tokenFingerprint, long principalId, String applicationId) {
    /** A push whose owner was recorded by numeric id only. */
    public UnansweredPush(String pushId, String credentialName, String tokenFingerprint, long principalId) {
        this(pushId, credentialName, tokenFingerprint, principalId, null);
    }
}

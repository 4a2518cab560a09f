package io.jenkins.plugins.databricksgit.testkit;

/**
 * A workspace identity known to the emulator.
 *
 * @param id numeric SCIM id, the value Databricks expects as {@code principal_id}
 * @param applicationId the service principal's application id (UUID), {@code null} for users
 * @param userName the SCIM {@code userName}; for a service principal this is its applicationId
 * @param displayName the SCIM {@code displayName}
 * @param servicePrincipal whether this is a service principal (one Git credential per provider) or a user
 */
public record EmulatedPrincipal(
        long id, String applicationId, String userName, String displayName, boolean servicePrincipal) {}

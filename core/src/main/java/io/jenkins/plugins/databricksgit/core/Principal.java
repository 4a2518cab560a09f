package io.jenkins.plugins.databricksgit.core;

/**
 * A Databricks identity. {@code id} is the numeric SCIM id that git-credentials calls take as {@code principal_id};
 * {@code applicationId} is the service principal's UUID ({@code null} for users).
 */
public record Principal(long id, String applicationId, String displayName, boolean servicePrincipal) {}

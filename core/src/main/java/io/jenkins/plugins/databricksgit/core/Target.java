package io.jenkins.plugins.databricksgit.core;

/**
 * Where a credential goes: a workspace client and, optionally, the service principal to manage (applicationId or
 * numeric id). Without one, the client's own identity (authenticated as the service principal) is the owner.
 */
public record Target(DatabricksClient client, String servicePrincipal) {}

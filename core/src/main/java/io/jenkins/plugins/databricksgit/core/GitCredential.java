package io.jenkins.plugins.databricksgit.core;

/** A Git credential as Databricks lists it; the token is write-only and never comes back. */
public record GitCredential(long id, String gitProvider, String gitUsername, String gitEmail, String name) {}

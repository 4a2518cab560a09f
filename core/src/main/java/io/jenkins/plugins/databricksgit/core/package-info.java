/**
 * Pushes a Bitbucket Cloud repository access token to a Databricks service principal as its Git credential.
 */
package io.jenkins.plugins.databricksgit.core;

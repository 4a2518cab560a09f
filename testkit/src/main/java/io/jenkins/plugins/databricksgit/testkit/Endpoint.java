package io.jenkins.plugins.databricksgit.testkit;

/** The endpoints the emulator serves; faults and request counts are kept per endpoint. */
public enum Endpoint {
    /** {@code GET /.well-known/databricks-config} (host metadata the Databricks SDKs read when they build a client) */
    HOST_METADATA,
    /** {@code GET /oidc/.well-known/oauth-authorization-server} */
    OAUTH_DISCOVERY,
    /** {@code POST /oidc/v1/token} */
    OAUTH_TOKEN,
    /** {@code GET /api/2.0/preview/scim/v2/Me} */
    SCIM_ME,
    /** {@code GET /api/2.0/preview/scim/v2/ServicePrincipals} */
    SCIM_SERVICE_PRINCIPALS,
    /** {@code GET /api/2.0/preview/scim/v2/ServicePrincipals/{id}} */
    SCIM_SERVICE_PRINCIPAL,
    /** {@code GET /api/2.0/git-credentials} */
    GIT_CREDENTIALS_LIST,
    /** {@code GET /api/2.0/git-credentials/{id}} */
    GIT_CREDENTIALS_GET,
    /** {@code POST /api/2.0/git-credentials} */
    GIT_CREDENTIALS_CREATE,
    /** {@code PATCH /api/2.0/git-credentials/{id}} */
    GIT_CREDENTIALS_UPDATE,
    /** {@code DELETE /api/2.0/git-credentials/{id}} */
    GIT_CREDENTIALS_DELETE,
    /** Bitbucket Cloud {@code GET /2.0/repositories/{workspace}/{slug}} under {@link DatabricksEmulator#bitbucketApiUrl()} */
    BITBUCKET_REPOSITORY
}

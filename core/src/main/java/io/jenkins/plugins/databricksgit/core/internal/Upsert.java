package io.jenkins.plugins.databricksgit.core.internal;

import io.jenkins.plugins.databricksgit.core.DatabricksClient;
import io.jenkins.plugins.databricksgit.core.DatabricksException;
import io.jenkins.plugins.databricksgit.core.GitCredential;
import io.jenkins.plugins.databricksgit.core.GitCredentialSpec;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The idempotent create-or-update of one principal's credential for one provider. Only the credential of the spec's
 * provider is ever written; other providers' credentials are read (to explain a legacy conflict) and never touched.
 * The caller serializes calls per credential key.
 */
public final class Upsert {
    private static final Logger LOGGER = Logger.getLogger(Upsert.class.getName());

    /**
     * Rounds of list-then-write. A round fails over to the next only when another party changed the credential
     * between our list and our write (deleted what we were about to update, or created what we were about to create).
     */
    private static final int ROUNDS = 3;

    private Upsert() {}

    /**
     * @param knownIdWasGone the remembered id no longer existed and the credential was found or created by listing
     */
    public record Outcome(long credentialId, boolean created, boolean knownIdWasGone) {}

    /**
     * @param knownId the id this JVM remembers for the credential (one PATCH when it is still there), or 0
     * @param createFirst try the create before listing: for a push that expects no credential (one that will be
     *     removed again, to a service principal, which holds one credential per provider), so that it costs one
     *     request when there is none; "already exists" then falls back to list and update. With {@code false} the
     *     credential is listed first (a kept push usually finds one)
     * @param who the owner, for messages
     */
    public static Outcome run(
            DatabricksClient client,
            Long principalIdParam,
            GitCredentialSpec spec,
            long knownId,
            boolean createFirst,
            String who)
            throws DatabricksException {
        boolean knownIdWasGone = false;
        if (knownId != 0) {
            try {
                client.updateGitCredential(knownId, spec, principalIdParam);
                return new Outcome(knownId, false, false);
            } catch (DatabricksException e) {
                if (!isNotFound(e)) {
                    throw e;
                }
                knownIdWasGone = true;
            }
        }
        DatabricksException lastConflict = null;
        boolean listFirst = !createFirst;
        for (int round = 0; round < ROUNDS; round++) {
            Optional<GitCredential> existing = Optional.empty();
            if (listFirst) {
                existing = find(client.listGitCredentials(principalIdParam), spec.gitProvider());
            }
            // Only the first round may skip the list: a later one follows a conflict and must look.
            listFirst = true;
            if (existing.isPresent()) {
                if (update(client, existing.get().id(), spec, principalIdParam)) {
                    return new Outcome(existing.get().id(), false, knownIdWasGone);
                }
                continue;
            }
            GitCredential created;
            try {
                created = client.createGitCredential(spec, principalIdParam);
            } catch (DatabricksException e) {
                if (e.outcomeUnknown()) {
                    // The create may have been applied: look before writing again, never repeat it blindly.
                    LOGGER.fine(() -> "The create for " + who + " got no answer; reconciling by listing");
                    Optional<GitCredential> applied =
                            find(client.listGitCredentials(principalIdParam), spec.gitProvider());
                    if (applied.isPresent() && update(client, applied.get().id(), spec, principalIdParam)) {
                        return new Outcome(applied.get().id(), true, knownIdWasGone);
                    }
                    continue;
                }
                if (!isAlreadyExists(e)) {
                    throw e;
                }
                LOGGER.fine(() -> "Databricks says a credential of " + who + " already exists (" + e.status() + " "
                        + e.errorCode() + "); updating it instead");
                lastConflict = e;
                List<GitCredential> again = client.listGitCredentials(principalIdParam);
                Optional<GitCredential> ours = find(again, spec.gitProvider());
                if (ours.isPresent()) {
                    if (update(client, ours.get().id(), spec, principalIdParam)) {
                        return new Outcome(ours.get().id(), false, knownIdWasGone);
                    }
                    continue;
                }
                Optional<GitCredential> other = again.stream().findFirst();
                if (other.isPresent()) {
                    throw otherProviderConflict(e, other.get(), spec.gitProvider(), who);
                }
                continue;
            }
            return new Outcome(created.id(), true, knownIdWasGone);
        }
        throw new DatabricksException(
                DatabricksException.Reason.OTHER,
                lastConflict == null ? 0 : lastConflict.status(),
                lastConflict == null ? null : lastConflict.errorCode(),
                lastConflict == null ? null : lastConflict.requestId(),
                false,
                "The " + spec.gitProvider() + " credential of " + who + " kept changing while it was being written ("
                        + ROUNDS + " attempts); another tool may be writing it at the same time. Try again.",
                lastConflict);
    }

    /** The principal's bitbucketCloud credential, if any. */
    public static Optional<GitCredential> findBitbucket(List<GitCredential> credentials) {
        return find(credentials, "bitbucketCloud");
    }

    /** Databricks' "does not exist" answer, as opposed to a 404 from something that is not the API. */
    public static boolean isNotFound(DatabricksException e) {
        return e.status() == 404 && e.reason() == DatabricksException.Reason.NOT_FOUND;
    }

    private static boolean isAlreadyExists(DatabricksException e) {
        return e.status() == 409 || e.reason() == DatabricksException.Reason.ALREADY_EXISTS || isLegacyOnePerUser(e);
    }

    private static boolean isLegacyOnePerUser(DatabricksException e) {
        return e.status() == 400 && "INVALID_STATE".equalsIgnoreCase(e.errorCode());
    }

    /** @return {@code false} when the credential disappeared between listing and updating */
    private static boolean update(DatabricksClient client, long id, GitCredentialSpec spec, Long principalIdParam)
            throws DatabricksException {
        try {
            client.updateGitCredential(id, spec, principalIdParam);
            return true;
        } catch (DatabricksException e) {
            if (isNotFound(e)) {
                return false;
            }
            throw e;
        }
    }

    private static Optional<GitCredential> find(List<GitCredential> credentials, String provider) {
        if (credentials == null) {
            return Optional.empty();
        }
        return credentials.stream()
                .filter(c -> provider.equalsIgnoreCase(c.gitProvider()))
                .findFirst();
    }

    private static DatabricksException otherProviderConflict(
            DatabricksException cause, GitCredential other, String provider, String who) {
        String mode = isLegacyOnePerUser(cause) ? "this workspace allows only one Git credential per user, and " : "";
        return new DatabricksException(
                DatabricksException.Reason.ALREADY_EXISTS,
                cause.status(),
                cause.errorCode(),
                cause.requestId(),
                false,
                "Cannot add a " + provider + " credential to " + who + ": " + mode + "it already has a "
                        + other.gitProvider() + " credential (id " + other.id() + "), which is left untouched."
                        + " Remove that credential in Databricks (User Settings > Linked accounts) if it is no longer"
                        + " needed, then push again.",
                cause);
    }
}

package io.jenkins.plugins.databricksgit.core.lifecycle;

import static io.jenkins.plugins.databricksgit.core.lifecycle.CredentialLifecycle.PREFIX;

import io.jenkins.plugins.databricksgit.core.DatabricksException;
import io.jenkins.plugins.databricksgit.core.GitCredentialEngine;
import io.jenkins.plugins.databricksgit.core.LeaseWaitTimeoutException;
import io.jenkins.plugins.databricksgit.core.Principal;
import io.jenkins.plugins.databricksgit.core.PushInputs;
import io.jenkins.plugins.databricksgit.core.PushRequest;
import io.jenkins.plugins.databricksgit.core.PushResult;
import io.jenkins.plugins.databricksgit.core.TokenVerificationException;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A build's push: its inputs checked, the owner resolved (as far as the push needs it; a read at most), the removal
 * recorded with everything it will need
 * (target, owner, the name the push writes, the token's fingerprint) before the push is sent, and completed or
 * forgotten by the push's outcome.
 */
final class PushFlow {
    private final GitCredentialEngine engine;
    private final LifecycleSettings settings;
    private final RemovalRegistry registry;
    private final InFlightPushes inFlight;

    PushFlow(
            GitCredentialEngine engine, LifecycleSettings settings, RemovalRegistry registry, InFlightPushes inFlight) {
        this.engine = engine;
        this.settings = settings;
        this.registry = registry;
        this.inFlight = inFlight;
    }

    /** See {@link CredentialLifecycle#push}. */
    Pushed push(PushSpec spec, RemovalStore store, Consumer<String> log)
            throws DatabricksException, InterruptedException, IOException {
        PushInputs.check(spec.target().servicePrincipal(), spec.name(), spec.gitEmail(), spec.waitTimeout());
        PushInputs.servicePrincipal(spec.servicePrincipal());
        String workspaceUrl = spec.target().client().workspace().url();
        String id = UUID.randomUUID().toString();
        // At most a read: when it fails, nothing was written and there is nothing to remove.
        Principal owner = engine.owner(spec.target());
        PendingRemoval removal = null;
        if (spec.cleanup() != Cleanup.KEEP) {
            removal = PendingRemoval.beforePush(
                    id,
                    spec.buildId(),
                    spec.holder(),
                    spec.cleanup() == Cleanup.AT_BLOCK_END
                            ? PendingRemoval.When.BLOCK_END
                            : PendingRemoval.When.BUILD_END,
                    spec.workspace(),
                    workspaceUrl,
                    spec.databricksCredentialsId(),
                    spec.target().servicePrincipal(),
                    owner,
                    GitCredentialEngine.credentialName(spec.name(), id),
                    engine.fingerprint(spec.token()),
                    settings.clock().millis());
            registry.record(removal, store);
        }
        Duration wait = spec.waitTimeout() != null ? spec.waitTimeout() : GitCredentialEngine.DEFAULT_WAIT_TIMEOUT;
        PushResult result;
        inFlight.add(
                id,
                InFlightPushes.lane(engine, workspaceUrl, owner, spec.target().servicePrincipal()));
        try {
            result = engine.push(new PushRequest(
                    spec.target(),
                    spec.token(),
                    spec.name(),
                    spec.gitEmail(),
                    removal != null,
                    spec.verifyWith(),
                    wait,
                    spec.holder(),
                    message -> log.accept(PREFIX + message),
                    id));
        } catch (InterruptedException e) {
            if (removal != null) {
                // No disk write here: an interrupted thread cannot be trusted with interruptible file channels,
                // and the record is already on disk as PUSHING, which is what the safety net needs.
                registry.updateInMemory(
                        removal.withError("The push was interrupted; Databricks may have received it", false, false));
            }
            throw e;
        } catch (DatabricksException e) {
            if (removal != null) {
                if (mayHaveWritten(e)) {
                    registry.update(removal.withError(e.getMessage(), false, false), store);
                } else {
                    registry.forget(removal, store);
                }
            }
            throw e;
        } catch (RuntimeException e) {
            if (removal != null) {
                registry.update(removal.withError(e.getClass().getSimpleName(), false, false), store);
            }
            throw e;
        } finally {
            inFlight.remove(id);
        }

        String removalId = null;
        if (removal == null) {
            // The keep and the credential id survive a restart with the registry.
            registry.persist();
        } else if (result.lease() == null) {
            registry.forget(removal, store);
        } else {
            registry.update(removal.pushed(result), store);
            removalId = id;
        }
        log.accept(PREFIX + (result.created() ? "Created" : "Updated") + " Git credential " + result.credentialId()
                + " (bitbucketCloud, x-token-auth) of " + CredentialLifecycle.describe(result.principal()) + " on "
                + result.workspaceUrl());
        log.accept(PREFIX + fate(removalId == null ? Cleanup.KEEP : spec.cleanup()));
        return new Pushed(
                result.credentialId(), result.created(), result.principal(), result.workspaceUrl(), removalId);
    }

    private static String fate(Cleanup cleanup) {
        return switch (cleanup) {
            case KEEP -> "The credential is kept after this build (cleanup is off).";
            case AT_BLOCK_END -> "The credential will be removed when the wrapped steps end, whatever their result.";
            case AT_BUILD_END -> "The credential will be removed when the build completes, whatever its result.";
        };
    }

    /**
     * Whether a failed push may have left a credential behind. A push is several requests (resolve the principal,
     * list, create or update, reconcile), so a definite last answer does not prove that no earlier write landed: only
     * failures that stop a push before any write count as clean.
     */
    private static boolean mayHaveWritten(DatabricksException e) {
        if (e instanceof TokenVerificationException || e instanceof LeaseWaitTimeoutException) {
            return false;
        }
        return switch (e.reason()) {
            case INVALID_TOKEN,
                    NO_CREDENTIALS_SENT,
                    OAUTH_FAILED,
                    UNKNOWN_HOST,
                    TLS_FAILURE,
                    NOT_A_DATABRICKS_WORKSPACE,
                    NOT_SERVICE_PRINCIPAL_MANAGER,
                    PERMISSION_DENIED,
                    NOT_FOUND,
                    ALREADY_EXISTS,
                    INVALID_REQUEST -> false;
            default -> true;
        };
    }
}

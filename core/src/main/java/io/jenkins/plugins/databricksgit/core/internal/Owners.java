package io.jenkins.plugins.databricksgit.core.internal;

import io.jenkins.plugins.databricksgit.core.DatabricksClient;
import io.jenkins.plugins.databricksgit.core.DatabricksException;
import io.jenkins.plugins.databricksgit.core.Principal;
import io.jenkins.plugins.databricksgit.core.Target;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves whose credentials a {@link Target} means, and caches the answers so that a push with a known credential id
 * costs one round trip. A principal's ids never change, so the cache needs no expiry. Concurrent first look-ups of
 * the same principal (many builds starting at once) share one request; a failed look-up is not cached.
 */
public final class Owners {
    /** Who each client is; weak so that a client dropped by its caller is not kept alive. */
    private final Map<DatabricksClient, CompletableFuture<Principal>> callers =
            Collections.synchronizedMap(new WeakHashMap<>());

    /** Service principals by workspace and the applicationId or numeric id the user gave. */
    private final Map<String, CompletableFuture<Principal>> servicePrincipals = new ConcurrentHashMap<>();

    /** Numeric ids each client has acted on in manager mode. */
    private final Map<DatabricksClient, Set<Long>> managed = Collections.synchronizedMap(new WeakHashMap<>());

    /** The owner of the credentials a target means, and whether calls need {@code principal_id}. */
    public record Owner(Principal principal, boolean managerMode) {
        /** The {@code principal_id} to send, or {@code null} to act on the caller's own credentials. */
        public Long principalIdParam() {
            return managerMode ? principal.id() : null;
        }
    }

    private interface Lookup {
        Principal run() throws DatabricksException;
    }

    public Owner resolve(Target target) throws DatabricksException {
        DatabricksClient client = target.client();
        String sp = target.servicePrincipal() == null
                ? ""
                : target.servicePrincipal().trim();
        if (sp.isEmpty()) {
            return new Owner(caller(client), false);
        }
        Principal principal =
                once(servicePrincipals, client.workspace().url() + '\n' + sp, () -> client.resolveServicePrincipal(sp));
        managed.computeIfAbsent(client, c -> ConcurrentHashMap.newKeySet()).add(principal.id());
        return new Owner(principal, true);
    }

    /**
     * The {@code principal_id} a client must send to act on {@code principalId}'s credentials: {@code null} when the
     * client is that principal, the id otherwise (manager mode).
     */
    public Long principalIdParam(DatabricksClient client, long principalId) throws DatabricksException {
        Set<Long> ids = managed.get(client);
        if (ids != null && ids.contains(principalId)) {
            return principalId;
        }
        return caller(client).id() == principalId ? null : principalId;
    }

    private Principal caller(DatabricksClient client) throws DatabricksException {
        return once(callers, client, client::me);
    }

    private static <K> Principal once(Map<K, CompletableFuture<Principal>> cache, K key, Lookup lookup)
            throws DatabricksException {
        CompletableFuture<Principal> mine = new CompletableFuture<>();
        CompletableFuture<Principal> existing = cache.putIfAbsent(key, mine);
        if (existing != null) {
            try {
                return existing.join();
            } catch (CompletionException e) {
                // The first caller got the failure; this one tries for itself and reports its own error.
                return lookup.run();
            }
        }
        try {
            Principal principal = lookup.run();
            mine.complete(principal);
            return principal;
        } catch (Throwable t) {
            cache.remove(key, mine);
            mine.completeExceptionally(t);
            throw t;
        }
    }
}

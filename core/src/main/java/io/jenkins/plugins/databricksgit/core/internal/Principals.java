package io.jenkins.plugins.databricksgit.core.internal;

import io.jenkins.plugins.databricksgit.core.DatabricksClient;
import io.jenkins.plugins.databricksgit.core.DatabricksException;
import io.jenkins.plugins.databricksgit.core.KnownPrincipal;
import io.jenkins.plugins.databricksgit.core.Lease;
import io.jenkins.plugins.databricksgit.core.Principal;
import io.jenkins.plugins.databricksgit.core.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Whose credentials a {@link Target} means, found with as few requests as possible, and the key its credential slot
 * has in this engine.
 *
 * <p>A principal has two identities: its applicationId (a UUID; what OAuth authenticates with) and its numeric id
 * (what the git-credentials API takes as {@code principal_id}). A push needs only one of them, so none is looked up
 * unless needed: a service principal authenticating as itself with OAuth is its client id; one named by numeric id
 * for its manager is that id; a personal access token's owner is asked once ({@code /Me}) per workspace and token; a
 * service principal named by applicationId for its manager is looked up once per workspace. Answers never change,
 * so they are cached without expiry, {@linkplain #known() exported} for persisting and {@linkplain
 * #restore(KnownPrincipal) restored} after a restart. Concurrent first look-ups of the same principal share one
 * request; a failed look-up is not cached.
 *
 * <p>Slot keys. Leases, keeps and known credential ids belong to the principal, whichever identity a caller named it
 * by, so every identity of one principal must map to one slot. A slot is keyed by the identity it was first pushed
 * with; when the other identity is learnt, it maps onto the same slot. Before a slot is keyed by one identity while
 * this engine holds a slot keyed by an identity of the other kind that it cannot tie to any applicationId or numeric
 * id (they might be one principal), the push looks the missing identity up first ({@link #complete}): one request,
 * once, and only on a controller that pushes to principals both ways.
 */
public final class Principals {
    private static final Logger LOGGER = Logger.getLogger(Principals.class.getName());
    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");
    /** Personal access tokens remembered (with their owner); tokens rotate, so old ones drop out. */
    static final int MAX_TOKENS = 256;

    /** Whose credentials a target means, and whether calls name them with {@code principal_id}. */
    public record Owner(Principal principal, boolean managerMode) {
        /** The {@code principal_id} to send, or {@code null} to act on the caller's own credentials. */
        public Long principalIdParam() {
            return managerMode ? principal.id() : null;
        }
    }

    private interface Lookup {
        Principal run() throws DatabricksException;
    }

    /** What is known about one principal of one workspace. Guarded by the {@link Principals} monitor. */
    private static final class Identity {
        final String workspaceUrl;
        long id;
        String applicationId;
        String displayName;
        boolean user;
        /** The slot key (provider left to the caller), or {@code null} while no slot is keyed by this principal. */
        CredentialKey key;

        Identity(String workspaceUrl) {
            this.workspaceUrl = workspaceUrl;
        }

        /** Whether both identities are known (a user has no applicationId). */
        boolean linked() {
            return id != 0 && (applicationId != null || user);
        }

        Principal principal() {
            return new Principal(id, applicationId, displayName, !user);
        }
    }

    private final List<Identity> all = new ArrayList<>();
    private final Map<String, Identity> byId = new HashMap<>();
    private final Map<String, Identity> byApplicationId = new HashMap<>();
    /** Personal access token (workspace and fingerprint) to its owner, least recently used first. */
    private final LinkedHashMap<String, Identity> byToken = new LinkedHashMap<>(16, 0.75f, true);

    private final Map<String, CompletableFuture<Principal>> lookups = new ConcurrentHashMap<>();

    /**
     * The owner of the credentials a target means. Sends a request only for what no earlier answer told: a personal
     * access token's {@code /Me}, or a service principal named by applicationId for its manager.
     *
     * @param tokenFingerprint the engine's fingerprint of the client's personal access token, or {@code null} with
     *     OAuth
     * @throws IllegalArgumentException when the service principal is neither an applicationId nor a numeric id
     */
    public Owner resolve(Target target, String tokenFingerprint) throws DatabricksException {
        DatabricksClient client = target.client();
        String ws = client.workspace().url();
        String sp = target.servicePrincipal() == null
                ? ""
                : target.servicePrincipal().strip();
        if (sp.isEmpty()) {
            String clientId = client.oauthClientId();
            if (clientId != null) {
                return new Owner(learn(ws, 0, clientId, null, true), false);
            }
            return new Owner(caller(client, tokenFingerprint), false);
        }
        if (DIGITS.matcher(sp).matches()) {
            long id = numericId(sp);
            return new Owner(learn(ws, id, null, null, true), true);
        }
        if (UUID.matcher(sp).matches()) {
            String applicationId = sp.toLowerCase(Locale.ROOT);
            synchronized (this) {
                Identity known = byApplicationId.get(ws + '\n' + applicationId);
                if (known != null && known.id != 0) {
                    return new Owner(known.principal(), true);
                }
            }
            return new Owner(
                    once("sp\n" + ws + '\n' + applicationId, () -> learn(ws, client.resolveServicePrincipal(sp))),
                    true);
        }
        // Throws IllegalArgumentException with a message that does not repeat the value.
        client.resolveServicePrincipal(sp);
        throw new IllegalArgumentException("not a service principal: " + sp.length() + " characters");
    }

    /**
     * The key of the owner's slot for a push, or {@code null} when the owner must be {@linkplain #complete
     * completed} first: it is known by one identity only and a slot is keyed by an identity of the other kind that
     * may be the same principal.
     */
    public synchronized CredentialKey keyForPush(String workspaceUrl, Principal owner, String provider) {
        Identity e = identity(workspaceUrl, owner);
        if (e.key == null && !e.linked() && mayBeOneOfOthers(e)) {
            return null;
        }
        return key(e).withProvider(provider);
    }

    /**
     * Looks up the identity an owner is not known by yet (a {@code /Me} of the caller in own mode, the service
     * principal by numeric id in manager mode), so that its slot key is certain. Once per principal.
     */
    public Principal complete(Owner owner, DatabricksClient client) throws DatabricksException {
        Principal p = owner.principal();
        String ws = client.workspace().url();
        if (p.id() != 0 && p.applicationId() != null) {
            return p;
        }
        Principal found;
        if (!owner.managerMode()) {
            found = once("me\n" + ws + '\n' + client.oauthClientId(), () -> learn(ws, client.me()));
        } else {
            found = once(
                    "id\n" + ws + '\n' + p.id(),
                    () -> learn(ws, client.resolveServicePrincipal(Long.toString(p.id()))));
        }
        LOGGER.fine(() -> "Looked up " + found.label() + " to tell its credential apart from others in " + ws);
        return found;
    }

    /** The key of a principal's slot without any request (a restore, a release): the slot it already has, or a new one. */
    public synchronized CredentialKey key(String workspaceUrl, long id, String applicationId, String provider) {
        if (id == 0 && normalise(applicationId) == null) {
            throw new IllegalArgumentException("The record names no principal (neither a numeric id nor an"
                    + " applicationId); it was written by an incompatible version.");
        }
        return key(identity(workspaceUrl, id, applicationId, null, true)).withProvider(provider);
    }

    /**
     * A stable name of a principal for grouping work per principal (a removal waits for pushes to the same one):
     * its slot key when it has one, else its identity. No request, nothing recorded.
     */
    public synchronized String lane(String workspaceUrl, long id, String applicationId, String servicePrincipal) {
        Identity e = find(workspaceUrl, id, normalise(applicationId));
        if (e != null && e.key != null) {
            return describeKey(e.key);
        }
        String app = e != null && e.applicationId != null ? e.applicationId : normalise(applicationId);
        long numeric = e != null && e.id != 0 ? e.id : id;
        if (app != null) {
            return workspaceUrl + "\napp:" + app;
        }
        if (numeric != 0) {
            return workspaceUrl + "\nid:" + numeric;
        }
        return workspaceUrl + "\nas named: " + servicePrincipal;
    }

    /** The principal as far as this engine knows it, completing what a record left out. No request. */
    public synchronized Principal known(String workspaceUrl, long id, String applicationId, String displayName) {
        Identity e = find(workspaceUrl, id, normalise(applicationId));
        if (e == null) {
            return new Principal(id, normalise(applicationId), displayName, true);
        }
        Principal p = e.principal();
        return p.displayName() == null ? new Principal(p.id(), p.applicationId(), displayName, true) : p;
    }

    /**
     * The {@code principal_id} a client must send to act on a lease's principal: its numeric id when the push was a
     * manager's, {@code null} when the client is that principal. Asks only what is not known: with a personal access
     * token, its owner ({@code /Me}, once per token); for a lease known by applicationId only released by another
     * principal, that principal's numeric id.
     */
    public Long principalIdParam(DatabricksClient client, Lease lease, String tokenFingerprint)
            throws DatabricksException {
        if (lease.managerMode() && lease.principalId() != 0) {
            return lease.principalId();
        }
        String ws = client.workspace().url();
        Principal leased = known(ws, lease.principalId(), lease.applicationId(), lease.principalName());
        Principal caller;
        String clientId = client.oauthClientId();
        if (clientId != null) {
            caller = learn(ws, 0, clientId, null, true);
            if (leased.applicationId() != null) {
                if (leased.applicationId().equalsIgnoreCase(caller.applicationId())) {
                    return null;
                }
            } else if (caller.id() == 0) {
                caller = complete(new Owner(caller, false), client);
            }
        } else {
            caller = caller(client, tokenFingerprint);
        }
        if (same(caller, leased)) {
            return null;
        }
        if (leased.id() != 0) {
            return leased.id();
        }
        return once(
                        "sp\n" + ws + '\n' + leased.applicationId(),
                        () -> learn(ws, client.resolveServicePrincipal(leased.applicationId())))
                .id();
    }

    /** Whether two records name the same principal, as far as this engine knows. */
    public synchronized boolean same(String workspaceUrl, Principal a, Principal b) {
        return same(
                known(workspaceUrl, a.id(), a.applicationId(), null),
                known(workspaceUrl, b.id(), b.applicationId(), null));
    }

    private static boolean same(Principal a, Principal b) {
        if (a.id() != 0 && b.id() != 0) {
            return a.id() == b.id();
        }
        return a.applicationId() != null && a.applicationId().equalsIgnoreCase(b.applicationId());
    }

    /** Whether two records surely name different principals, as far as this engine knows. */
    public synchronized boolean differ(String workspaceUrl, Principal a, Principal b) {
        Principal x = known(workspaceUrl, a.id(), a.applicationId(), null);
        Principal y = known(workspaceUrl, b.id(), b.applicationId(), null);
        if (x.id() != 0 && y.id() != 0) {
            return x.id() != y.id();
        }
        if (x.applicationId() != null && y.applicationId() != null) {
            return !x.applicationId().equalsIgnoreCase(y.applicationId());
        }
        return false;
    }

    /** What is worth persisting: principals known by both identities, and whose personal access tokens are whose. */
    public synchronized List<KnownPrincipal> known() {
        List<KnownPrincipal> out = new ArrayList<>();
        for (Identity e : all) {
            if (e.linked()) {
                out.add(new KnownPrincipal(e.workspaceUrl, e.id, e.applicationId, e.displayName, !e.user, null));
            }
        }
        for (Map.Entry<String, Identity> t : byToken.entrySet()) {
            Identity e = t.getValue();
            String fingerprint = t.getKey().substring(t.getKey().indexOf('\n') + 1);
            out.add(new KnownPrincipal(e.workspaceUrl, e.id, e.applicationId, e.displayName, !e.user, fingerprint));
        }
        return out;
    }

    /** Re-registers what was learnt before a restart. */
    public synchronized void restore(KnownPrincipal known) {
        if (known.principalId() == 0) {
            return;
        }
        Identity e = identity(
                known.workspaceUrl(),
                known.principalId(),
                normalise(known.applicationId()),
                known.displayName(),
                known.servicePrincipal());
        if (known.databricksTokenFingerprint() != null) {
            remember(known.workspaceUrl() + '\n' + known.databricksTokenFingerprint(), e);
        }
    }

    /** The caller of a personal access token: {@code /Me}, once per workspace and token. */
    private Principal caller(DatabricksClient client, String tokenFingerprint) throws DatabricksException {
        String ws = client.workspace().url();
        String token = ws + '\n' + tokenFingerprint;
        synchronized (this) {
            Identity known = tokenFingerprint == null ? null : byToken.get(token);
            if (known != null) {
                return known.principal();
            }
        }
        return once("me\n" + token, () -> {
            Principal me = client.me();
            synchronized (this) {
                Identity e = identity(ws, me);
                if (tokenFingerprint != null) {
                    remember(token, e);
                }
                return e.principal();
            }
        });
    }

    private synchronized Principal learn(String ws, Principal p) {
        return learn(ws, p.id(), p.applicationId(), p.displayName(), p.servicePrincipal());
    }

    private synchronized Principal learn(
            String ws, long id, String applicationId, String displayName, boolean servicePrincipal) {
        return identity(ws, id, normalise(applicationId), displayName, servicePrincipal)
                .principal();
    }

    private Identity identity(String ws, Principal p) {
        return identity(ws, p.id(), normalise(p.applicationId()), p.displayName(), p.servicePrincipal());
    }

    /** The entry of a principal, created or completed with what is given. Holds the monitor. */
    private Identity identity(String ws, long id, String applicationId, String displayName, boolean servicePrincipal) {
        Identity byApp = applicationId == null ? null : byApplicationId.get(ws + '\n' + applicationId);
        Identity byNumber = id == 0 ? null : byId.get(ws + '\n' + id);
        Identity e;
        if (byApp == null && byNumber == null) {
            e = new Identity(ws);
            all.add(e);
        } else if (byApp == null || byNumber == null || byApp == byNumber) {
            e = byApp != null ? byApp : byNumber;
        } else if (byApp.key != null && byNumber.key != null) {
            // Two slots of one principal (only a restore of inconsistent records gets here): each keeps its own.
            LOGGER.fine(() -> "Principal " + id + " / " + applicationId + " has two slots in " + ws);
            return byApp;
        } else {
            e = byApp.key != null ? byApp : byNumber;
            Identity other = e == byApp ? byNumber : byApp;
            merge(e, other);
        }
        if (id != 0 && e.id == 0) {
            e.id = id;
        }
        if (applicationId != null && e.applicationId == null) {
            e.applicationId = applicationId;
        }
        if (displayName != null && !displayName.isBlank()) {
            e.displayName = displayName;
        }
        if (!servicePrincipal && id != 0) {
            e.user = true;
        }
        if (e.id != 0) {
            byId.put(ws + '\n' + e.id, e);
        }
        if (e.applicationId != null) {
            byApplicationId.put(ws + '\n' + e.applicationId, e);
        }
        return e;
    }

    private void merge(Identity into, Identity from) {
        if (into.id == 0) {
            into.id = from.id;
        }
        if (into.applicationId == null) {
            into.applicationId = from.applicationId;
        }
        if (into.displayName == null) {
            into.displayName = from.displayName;
        }
        into.user |= from.user;
        all.remove(from);
        byToken.replaceAll((k, v) -> v == from ? into : v);
    }

    private Identity find(String ws, long id, String applicationId) {
        Identity e = applicationId == null ? null : byApplicationId.get(ws + '\n' + applicationId);
        if (e == null && id != 0) {
            e = byId.get(ws + '\n' + id);
        }
        return e;
    }

    /** Whether a slot is keyed by an identity of the other kind that cannot be told apart from this one offline. */
    private boolean mayBeOneOfOthers(Identity e) {
        for (Identity o : all) {
            if (o == e || o.key == null || o.linked() || !o.workspaceUrl.equals(e.workspaceUrl)) {
                continue;
            }
            boolean oByNumberOnly = o.applicationId == null;
            boolean eByNumberOnly = e.applicationId == null;
            if (oByNumberOnly != eByNumberOnly) {
                return true;
            }
        }
        return false;
    }

    private CredentialKey key(Identity e) {
        if (e.key == null) {
            e.key = e.applicationId != null
                    ? new CredentialKey(e.workspaceUrl, 0, e.applicationId, "-")
                    : new CredentialKey(e.workspaceUrl, e.id, null, "-");
        }
        return e.key;
    }

    private static String describeKey(CredentialKey key) {
        return key.workspaceUrl()
                + (key.applicationId() != null ? "\napp:" + key.applicationId() : "\nid:" + key.principalId());
    }

    private void remember(String token, Identity e) {
        byToken.put(token, e);
        Iterator<String> oldest = byToken.keySet().iterator();
        while (byToken.size() > MAX_TOKENS) {
            oldest.next();
            oldest.remove();
        }
    }

    private static String normalise(String applicationId) {
        return applicationId == null || applicationId.isBlank()
                ? null
                : applicationId.strip().toLowerCase(Locale.ROOT);
    }

    private static long numericId(String digits) {
        try {
            long id = Long.parseLong(digits);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // too large: reported below
        }
        throw new IllegalArgumentException("A service principal's numeric id is a positive number of at most 19"
                + " digits that fits in 64 bits; the " + digits.length() + "-digit value given does not.");
    }

    private Principal once(String key, Lookup lookup) throws DatabricksException {
        CompletableFuture<Principal> mine = new CompletableFuture<>();
        CompletableFuture<Principal> existing = lookups.putIfAbsent(key, mine);
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
            mine.completeExceptionally(t);
            throw t;
        } finally {
            // The answer is kept in the identities; the future only joins concurrent callers.
            lookups.remove(key, mine);
        }
    }
}

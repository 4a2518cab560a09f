package io.jenkins.plugins.databricksgit.core.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.databricksgit.core.KnownCredential;
import io.jenkins.plugins.databricksgit.core.KnownPrincipal;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The registry of pending removals as a JSON file, written atomically (temporary file, then rename), so that a
 * restart can restore leases and go on retrying. Next to the removals it keeps what the engine knows about each
 * principal's credential ({@link KnownCredential}: ids, keeps, the names it wrote), so that a keep survives a restart
 * and a repeated push stays one request, and what it learnt about principals ({@link KnownPrincipal}: a service
 * principal's applicationId and numeric id, whose personal access token is whose), so that they are not looked up
 * again. Plain JSON rather than Java serialization: the file is read back at startup and must not be a
 * deserialization gadget. Holds no secret: one-way token fingerprints only.
 *
 * <p>Format: {@code {"version":3,"removals":[...],"credentials":[...],"principals":[...]}}; version 2 (without
 * principals) and a plain array of removals (the first format) are still read.
 */
public final class PendingRemovalFile {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What the file holds. */
    public record Contents(
            List<PendingRemoval> removals, List<KnownCredential> credentials, List<KnownPrincipal> principals) {
        public Contents {
            removals = List.copyOf(removals);
            credentials = List.copyOf(credentials);
            principals = List.copyOf(principals);
        }

        /** Removals and credentials, no principals. */
        public Contents(List<PendingRemoval> removals, List<KnownCredential> credentials) {
            this(removals, credentials, List.of());
        }
    }

    private final Path file;

    public PendingRemovalFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    public void write(Collection<PendingRemoval> removals) throws IOException {
        write(removals, List.of());
    }

    public void write(Collection<PendingRemoval> removals, Collection<KnownCredential> credentials) throws IOException {
        write(new Contents(List.copyOf(removals), List.copyOf(credentials), List.of()));
    }

    public synchronized void write(Contents contents) throws IOException {
        Collection<PendingRemoval> removals = contents.removals();
        Collection<KnownCredential> credentials = contents.credentials();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", 3);
        ArrayNode array = root.putArray("removals");
        for (PendingRemoval r : removals) {
            ObjectNode o = array.addObject();
            o.put("id", r.id());
            o.put("buildId", r.buildId());
            o.put("holder", r.holder());
            o.put("when", r.when().name());
            o.put("workspace", r.workspace());
            o.put("workspaceUrl", r.workspaceUrl());
            o.put("databricksCredentialsId", r.databricksCredentialsId());
            o.put("servicePrincipal", r.servicePrincipal());
            o.put("state", r.state().name());
            o.put("principalId", r.principalId());
            o.put("principalName", r.principalName());
            o.put("applicationId", r.applicationId());
            o.put("tokenFingerprint", r.tokenFingerprint());
            o.put("credentialName", r.credentialName());
            var lease = r.lease();
            if (lease != null) {
                ObjectNode l = o.putObject("lease");
                l.put("principalId", lease.principalId());
                l.put("principalName", lease.principalName());
                l.put("gitProvider", lease.gitProvider());
                l.put("credentialId", lease.credentialId());
                l.put("holderId", lease.holderId());
                l.put("holder", lease.holder());
                l.put("tokenFingerprint", lease.tokenFingerprint());
            }
            o.put("lastError", r.lastError());
            o.put("attempts", r.attempts());
            o.put("createdAt", r.createdAt());
        }
        ArrayNode known = root.putArray("credentials");
        for (KnownCredential k : credentials) {
            ObjectNode o = known.addObject();
            o.put("workspaceUrl", k.workspaceUrl());
            o.put("principalId", k.principalId());
            o.put("applicationId", k.applicationId());
            o.put("gitProvider", k.gitProvider());
            o.put("credentialId", k.credentialId());
            o.put("tokenFingerprint", k.tokenFingerprint());
            ArrayNode names = o.putArray("names");
            k.names().forEach(names::add);
            o.put("lastPushId", k.lastPushId());
            o.put("keptFingerprint", k.keptFingerprint());
            o.put("keptCredentialId", k.keptCredentialId());
            o.put("keptBy", k.keptBy());
        }
        ArrayNode principals = root.putArray("principals");
        for (KnownPrincipal p : contents.principals()) {
            ObjectNode o = principals.addObject();
            o.put("workspaceUrl", p.workspaceUrl());
            o.put("principalId", p.principalId());
            o.put("applicationId", p.applicationId());
            o.put("displayName", p.displayName());
            o.put("servicePrincipal", p.servicePrincipal());
            o.put("databricksTokenFingerprint", p.databricksTokenFingerprint());
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(
                file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        try {
            MAPPER.writeValue(tmp.toFile(), root);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The pending removals; an empty list when the file does not exist yet. */
    public List<PendingRemoval> read() throws IOException {
        return readAll().removals();
    }

    /** Everything the file holds; empty when it does not exist yet. */
    public synchronized Contents readAll() throws IOException {
        if (!Files.exists(file)) {
            return new Contents(List.of(), List.of(), List.of());
        }
        JsonNode root = MAPPER.readTree(file.toFile());
        JsonNode array = root.isArray() ? root : root.path("removals");
        List<PendingRemoval> removals = new ArrayList<>();
        for (JsonNode o : array) {
            removals.add(removal(o));
        }
        List<KnownCredential> known = new ArrayList<>();
        for (JsonNode o : root.path("credentials")) {
            List<String> names = new ArrayList<>();
            o.path("names").forEach(n -> names.add(n.asText()));
            known.add(new KnownCredential(
                    text(o, "workspaceUrl"),
                    o.path("principalId").asLong(),
                    text(o, "applicationId"),
                    text(o, "gitProvider"),
                    o.path("credentialId").asLong(),
                    text(o, "tokenFingerprint"),
                    names,
                    text(o, "lastPushId"),
                    text(o, "keptFingerprint"),
                    o.path("keptCredentialId").asLong(),
                    text(o, "keptBy")));
        }
        List<KnownPrincipal> principals = new ArrayList<>();
        for (JsonNode o : root.path("principals")) {
            principals.add(new KnownPrincipal(
                    text(o, "workspaceUrl"),
                    o.path("principalId").asLong(),
                    text(o, "applicationId"),
                    text(o, "displayName"),
                    o.path("servicePrincipal").asBoolean(true),
                    text(o, "databricksTokenFingerprint")));
        }
        return new Contents(removals, known, principals);
    }

    private static PendingRemoval removal(JsonNode o) {
        PendingRemoval.Builder b = PendingRemoval.builder()
                .id(text(o, "id"))
                .buildId(text(o, "buildId"))
                .holder(text(o, "holder"))
                .when(PendingRemoval.When.valueOf(text(o, "when")))
                .workspace(text(o, "workspace"))
                .workspaceUrl(text(o, "workspaceUrl"))
                .databricksCredentialsId(text(o, "databricksCredentialsId"))
                .servicePrincipal(text(o, "servicePrincipal"))
                .state(PendingRemoval.State.valueOf(text(o, "state")))
                .principal(o.path("principalId").asLong(), text(o, "principalName"))
                .applicationId(text(o, "applicationId"))
                .tokenFingerprint(text(o, "tokenFingerprint"))
                .credentialName(text(o, "credentialName"))
                .lastError(text(o, "lastError"))
                .attempts(o.path("attempts").asInt())
                .createdAt(o.path("createdAt").asLong());
        JsonNode l = o.get("lease");
        if (l != null && !l.isNull()) {
            b.credentialId(l.path("credentialId").asLong())
                    .principal(l.path("principalId").asLong(), text(l, "principalName"))
                    .gitProvider(text(l, "gitProvider"))
                    .leaseHolder(text(l, "holderId"), text(l, "holder"))
                    .tokenFingerprint(text(l, "tokenFingerprint"));
        }
        return b.build();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}

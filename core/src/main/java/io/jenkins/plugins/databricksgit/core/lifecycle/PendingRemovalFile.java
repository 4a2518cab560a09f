package io.jenkins.plugins.databricksgit.core.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.databricksgit.core.Lease;
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
 * restart can restore leases and go on retrying. Plain JSON rather than Java serialization: the file is read back at
 * startup and must not be a deserialization gadget.
 */
public final class PendingRemovalFile {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public PendingRemovalFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    public synchronized void write(Collection<PendingRemoval> removals) throws IOException {
        ArrayNode array = MAPPER.createArrayNode();
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
            Lease lease = r.lease();
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
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(
                file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        try {
            MAPPER.writeValue(tmp.toFile(), array);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** An empty list when the file does not exist yet. */
    public synchronized List<PendingRemoval> read() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        JsonNode array = MAPPER.readTree(file.toFile());
        List<PendingRemoval> removals = new ArrayList<>();
        for (JsonNode o : array) {
            String workspaceUrl = text(o, "workspaceUrl");
            JsonNode l = o.get("lease");
            Lease lease = l == null || l.isNull()
                    ? null
                    : new Lease(
                            workspaceUrl,
                            l.path("principalId").asLong(),
                            text(l, "principalName"),
                            text(l, "gitProvider"),
                            l.path("credentialId").asLong(),
                            text(l, "holderId"),
                            text(l, "holder"),
                            text(l, "tokenFingerprint"));
            removals.add(PendingRemoval.restored(
                    text(o, "id"),
                    text(o, "buildId"),
                    text(o, "holder"),
                    PendingRemoval.When.valueOf(text(o, "when")),
                    text(o, "workspace"),
                    workspaceUrl,
                    text(o, "databricksCredentialsId"),
                    text(o, "servicePrincipal"),
                    PendingRemoval.State.valueOf(text(o, "state")),
                    lease,
                    text(o, "lastError"),
                    o.path("attempts").asInt(),
                    o.path("createdAt").asLong()));
        }
        return removals;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}

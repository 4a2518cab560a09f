package io.jenkins.plugins.databricksgit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A plain OkHttp client for the emulator that returns status, headers and body, never retrying on its own. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType APPLICATION_JSON = MediaType.get("application/json");

    record Answer(int status, Headers headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final OkHttpClient client;
    private final String base;

    Http(DatabricksEmulator emulator) {
        OkHttpClient.Builder builder =
                new OkHttpClient.Builder().retryOnConnectionFailure(false).callTimeout(Duration.ofSeconds(20));
        if (emulator.https()) {
            builder.sslSocketFactory(emulator.clientSslSocketFactory(), emulator.clientTrustManager());
        }
        this.client = builder.build();
        this.base = emulator.url();
    }

    /** With a client of the test's own (timeouts); the emulator must be plain HTTP. */
    Http(DatabricksEmulator emulator, OkHttpClient client) {
        this.client = client;
        this.base = emulator.url();
    }

    OkHttpClient client() {
        return client;
    }

    Answer get(String path, String token) throws IOException {
        return call(request(path, token).get().build());
    }

    Answer delete(String path, String token) throws IOException {
        return call(request(path, token).delete().build());
    }

    Answer post(String path, String token, String json) throws IOException {
        return call(request(path, token)
                .post(RequestBody.create(json, APPLICATION_JSON))
                .build());
    }

    Answer patch(String path, String token, String json) throws IOException {
        return call(request(path, token)
                .patch(RequestBody.create(json, APPLICATION_JSON))
                .build());
    }

    Answer form(String path, String authorization, FormBody form) throws IOException {
        Request.Builder b = new Request.Builder().url(base + path).post(form);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return call(b.build());
    }

    Answer raw(Request request) throws IOException {
        return call(request);
    }

    private Request.Builder request(String path, String token) {
        Request.Builder b = new Request.Builder().url(base + path);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private Answer call(Request request) throws IOException {
        try (Response response = client.newCall(request).execute()) {
            return new Answer(
                    response.code(), response.headers(), response.body().string());
        }
    }
}

package io.jenkins.plugins.databricksgit.core.internal;

import io.jenkins.plugins.databricksgit.core.ClientSettings;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import okhttp3.OkHttpClient;

/** The one shared {@link OkHttpClient} (connection pool, dispatcher) and the User-Agent. */
public final class HttpClients {
    /** Product token of every request. */
    public static final String USER_AGENT = "databricks-git-credential/" + version();

    private HttpClients() {}

    private static final class Holder {
        static final OkHttpClient SHARED = new OkHttpClient();
    }

    /** The default base client; derive from it with {@code newBuilder()} so that all clients share one pool. */
    public static OkHttpClient shared() {
        return Holder.SHARED;
    }

    /**
     * A client for one API: the settings' timeouts, no redirects (a redirect would carry credentials to a host the
     * user did not name), the User-Agent, and a network interceptor that notes when a request went out.
     */
    public static OkHttpClient.Builder derive(ClientSettings settings) {
        return settings.baseClient()
                .newBuilder()
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .callTimeout(settings.callTimeout())
                .addInterceptor(chain -> chain.proceed(chain.request()
                        .newBuilder()
                        .header("User-Agent", USER_AGENT)
                        .build()))
                .addNetworkInterceptor(new SendTracker());
    }

    static String version() {
        try (InputStream in = HttpClients.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "");
                if (!v.isBlank() && !v.startsWith("${")) {
                    return v.strip();
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // fall through to the manifest
        }
        String v = HttpClients.class.getPackage().getImplementationVersion();
        return v != null && !v.isBlank() ? v : "dev";
    }
}

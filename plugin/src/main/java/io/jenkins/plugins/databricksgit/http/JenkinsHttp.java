package io.jenkins.plugins.databricksgit.http;

import io.jenkins.plugins.databricksgit.core.ClientSettings;
import io.jenkins.plugins.okhttp.api.JenkinsOkHttpClient;
import okhttp3.OkHttpClient;

/**
 * HTTP settings for calls made from Jenkins: every client derives from one shared {@link OkHttpClient} that the
 * okhttp-api plugin configured with Jenkins' proxy settings (Manage Jenkins, Plugins, Advanced), so that connection
 * pools are shared and the proxy is honoured.
 */
public final class JenkinsHttp {
    private JenkinsHttp() {}

    private static final class Holder {
        // Built on first use: the proxy configuration belongs to a running Jenkins.
        static final OkHttpClient CLIENT =
                JenkinsOkHttpClient.newClientBuilder(new OkHttpClient()).build();
    }

    /** Client settings with the default timeouts and retries of the engine and Jenkins' proxy. */
    public static ClientSettings settings() {
        return ClientSettings.builder().baseClient(Holder.CLIENT).build();
    }
}

package io.jenkins.plugins.databricksgit.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.databricksgit.core.BitbucketClient;
import io.jenkins.plugins.databricksgit.core.ClientSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kinds of credential users pick in Jenkins are named as the documentation names them. */
class CredentialKindNamesTest {
    private static List<String> documentedKinds() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "configuration.md"));
        String table = doc.substring(doc.indexOf("| kind | JCasC symbol | fields |"));
        return table.lines()
                .skip(2)
                .takeWhile(l -> l.startsWith("|"))
                .map(l -> l.split("\\|")[1].strip())
                .toList();
    }

    @Test
    void theCredentialTypesAreNamedAsInTheDocs() throws IOException {
        String bitbucket = new BitbucketRepositoryAccessTokenImpl.DescriptorImpl(
                        Clock.systemUTC(),
                        url -> new BitbucketClient(url, ClientSettings.defaults()),
                        () -> BitbucketClient.DEFAULT_API_URL)
                .getDisplayName();
        String databricks = new DatabricksServicePrincipalCredentialsImpl.DescriptorImpl().getDisplayName();

        assertThat(documentedKinds()).startsWith(bitbucket, databricks);
        assertThat(bitbucket).isEqualTo("Bitbucket repository access token");
        assertThat(databricks).isEqualTo("Databricks service principal (OAuth)");
    }
}

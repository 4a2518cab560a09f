package io.jenkins.plugins.databricksgit.cli;

import io.jenkins.plugins.databricksgit.core.DatabricksClient;
import io.jenkins.plugins.databricksgit.core.GitCredential;
import io.jenkins.plugins.databricksgit.core.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list", description = "List the Git credentials of the service principal (tokens never come back).")
final class ListCommand extends AbstractCommand {
    @Mixin
    ConnectionOptions connection;

    @Override
    int execute() throws Exception {
        Output output = output();
        ConnectionOptions.Connection resolved = connection.resolve(environment(), output);
        DatabricksClient client = resolved.client();
        Principal principal;
        List<GitCredential> credentials;
        if (connection.servicePrincipal != null) {
            principal = client.resolveServicePrincipal(connection.servicePrincipal);
            credentials = client.listGitCredentials(principal.id());
        } else {
            principal = client.me();
            credentials = client.listGitCredentials(null);
        }
        output.result(text(principal, resolved.workspace().url(), credentials), json(principal, resolved, credentials));
        return ExitCodes.OK;
    }

    private static String text(Principal principal, String workspace, List<GitCredential> credentials) {
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder();
        if (credentials.isEmpty()) {
            return text.append("No Git credentials for ")
                    .append(describe(principal))
                    .append(" in ")
                    .append(workspace)
                    .append(nl)
                    .toString();
        }
        text.append("Git credentials of ")
                .append(describe(principal))
                .append(" in ")
                .append(workspace)
                .append(':')
                .append(nl);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "PROVIDER", "USERNAME", "EMAIL", "NAME"});
        for (GitCredential c : credentials) {
            rows.add(new String[] {
                Long.toString(c.id()), dash(c.gitProvider()), dash(c.gitUsername()), dash(c.gitEmail()), dash(c.name())
            });
        }
        int[] widths = new int[5];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.length; i++) {
                line.append(i < row.length - 1 ? String.format("%-" + widths[i] + "s  ", row[i]) : row[i]);
            }
            text.append(line.toString().stripTrailing()).append(nl);
        }
        return text.toString();
    }

    private static Map<String, Object> json(
            Principal principal, ConnectionOptions.Connection resolved, List<GitCredential> credentials) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("workspace", resolved.workspace().url());
        json.put("principal", principalJson(principal));
        List<Map<String, Object>> list = new ArrayList<>();
        for (GitCredential c : credentials) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", c.id());
            item.put("gitProvider", c.gitProvider());
            item.put("gitUsername", c.gitUsername());
            item.put("gitEmail", c.gitEmail());
            item.put("name", c.name());
            list.add(item);
        }
        json.put("credentials", list);
        return json;
    }

    private static String dash(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }
}

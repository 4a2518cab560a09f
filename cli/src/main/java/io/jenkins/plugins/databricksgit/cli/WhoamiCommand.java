package io.jenkins.plugins.databricksgit.cli;

import io.jenkins.plugins.databricksgit.core.DatabricksClient;
import io.jenkins.plugins.databricksgit.core.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "whoami",
        description = "Show the workspace, the identity the configured credentials authenticate as, and the "
                + "service principal --service-principal names.")
final class WhoamiCommand extends AbstractCommand {
    @Mixin
    ConnectionOptions connection;

    @Override
    int execute() throws Exception {
        Output output = output();
        ConnectionOptions.Connection resolved = connection.resolve(environment(), output);
        DatabricksClient client = resolved.client();
        Principal me = client.me();
        Principal target = connection.servicePrincipal == null
                ? null
                : client.resolveServicePrincipal(connection.servicePrincipal);
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder();
        text.append("Workspace:      ").append(resolved.workspace().url()).append(nl);
        text.append("Authenticated:  ").append(describe(me)).append(nl);
        text.append("Credentials:    ")
                .append(resolved.auth().describe())
                .append(" from the ")
                .append(resolved.source())
                .append(nl);
        if (target != null) {
            text.append("Acting for:     ").append(describe(target)).append(nl);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("workspace", resolved.workspace().url());
        json.put("principal", principalJson(me));
        json.put("auth", resolved.auth().describe());
        json.put("configuredBy", resolved.source());
        json.put("servicePrincipal", target == null ? null : principalJson(target));
        output.result(text.toString(), json);
        return ExitCodes.OK;
    }
}

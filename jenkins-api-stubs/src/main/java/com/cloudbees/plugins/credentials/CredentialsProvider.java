package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.ItemGroup;
import hudson.model.Run;
import hudson.security.Permission;
import java.util.List;
import org.jenkins.ui.icon.IconSpec;
import org.springframework.security.core.Authentication;

public abstract class CredentialsProvider extends Descriptor<CredentialsProvider>
        implements ExtensionPoint, Describable<CredentialsProvider>, IconSpec {

    private CredentialsProvider() {
        throw new UnsupportedOperationException();
    }

    public static final Permission CREATE = (Permission) null;

    public static final Permission UPDATE = (Permission) null;

    public static <C extends Credentials> List<C> lookupCredentialsInItemGroup(
            Class<C> type,
            ItemGroup itemGroup,
            Authentication authentication,
            List<DomainRequirement> domainRequirements) {
        throw new UnsupportedOperationException();
    }

    public static <C extends IdCredentials> C findCredentialById(String id, Class<C> type, Run<?, ?> run) {
        throw new UnsupportedOperationException();
    }

    public static <C extends Credentials> C track(Run build, C credentials) {
        throw new UnsupportedOperationException();
    }
}

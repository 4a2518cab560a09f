package io.jenkins.plugins.databricksgit.workspace;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;

/**
 * How a build's credentials are found: in the build's context (its folders, then Jenkins; never another job's
 * folder), and with their use recorded against the build. Jenkins gets {@link #JENKINS}; unit tests, which have no
 * credentials store, substitute their own.
 */
public interface BuildCredentials {
    /** The credential with this id visible to the build, of any kind, or {@code null}. */
    @CheckForNull
    StandardCredentials find(String id, Run<?, ?> build);

    /** Records that the build used the credential (Jenkins' credential tracking). */
    void track(Run<?, ?> build, Credentials credential);

    /** The name of the credential's kind as Jenkins shows it ("Secret text", "Username with password", ...). */
    String kind(Credentials credential);

    /** The implementation inside Jenkins: {@code CredentialsProvider.findCredentialById} and {@code track}. */
    BuildCredentials JENKINS = new BuildCredentials() {
        @Override
        public StandardCredentials find(String id, Run<?, ?> build) {
            return CredentialsProvider.findCredentialById(id, StandardCredentials.class, build);
        }

        @Override
        public void track(Run<?, ?> build, Credentials credential) {
            CredentialsProvider.track(build, credential);
        }

        @Override
        public String kind(Credentials credential) {
            try {
                return credential.getDescriptor().getDisplayName();
            } catch (RuntimeException e) {
                return credential.getClass().getSimpleName();
            }
        }
    };
}

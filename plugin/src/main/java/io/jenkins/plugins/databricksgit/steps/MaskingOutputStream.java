package io.jenkins.plugins.databricksgit.steps;

import io.jenkins.plugins.databricksgit.BitbucketRepositoryAccessToken;
import io.jenkins.plugins.databricksgit.core.RedactingOutputStream;
import io.jenkins.plugins.databricksgit.core.SecretForms;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.List;

/**
 * Replaces the Bitbucket token with {@code ****} in a build's output, in every form {@link SecretForms} knows: as is,
 * URL-encoded, JSON-escaped, base64, and inside the Basic authorization value Git sends with the
 * {@value BitbucketRepositoryAccessToken#USERNAME} user name. Holds back at most the longest form's length minus one
 * byte, and only while the output so far ends with the beginning of a form: a build printing 100 MB without a
 * newline, or a prompt waiting for input, is passed on as it comes ({@link RedactingOutputStream}).
 */
final class MaskingOutputStream extends RedactingOutputStream {
    static final String MASK = RedactingOutputStream.MASK;

    MaskingOutputStream(OutputStream out, String token, Charset charset) {
        super(out, SecretForms.of(token, List.of(BitbucketRepositoryAccessToken.USERNAME)), charset);
    }
}

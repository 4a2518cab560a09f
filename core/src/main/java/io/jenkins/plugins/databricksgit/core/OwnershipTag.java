package io.jenkins.plugins.databricksgit.core;

import java.util.Objects;

/**
 * The {@code name} a push writes to the Databricks credential when the user gave none: {@code jenkins-dgc:<push id>}.
 * It records on Databricks itself which push wrote the credential last, so that a removal can tell, across
 * controller restarts, several controllers and the command-line tool, whether the credential still holds what its
 * own push wrote. The push id is a random UUID: the tag holds no secret and nothing derived from the token.
 */
public final class OwnershipTag {
    /** Starts every tag; a name the user gives may not start with it, so that no tag can be forged by hand. */
    public static final String PREFIX = "jenkins-dgc:";

    private OwnershipTag() {}

    /** The tag of one push. */
    public static String of(String pushId) {
        Objects.requireNonNull(pushId, "pushId");
        return PREFIX + pushId;
    }

    /** Whether a credential name is a tag written by this project. */
    public static boolean isTag(String name) {
        return name != null && name.startsWith(PREFIX);
    }
}

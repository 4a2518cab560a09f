package hudson.util;

import java.io.Serializable;

/**
 * Value behaviour as in Jenkins, without the encryption: {@link #fromString} wraps the text (the real one first tries
 * to decrypt it), and {@link #toString} returns the plain text exactly as the real class does.
 */
public final class Secret implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String value;

    Secret(String value) {
        this.value = value;
    }

    @Deprecated
    public String toString() {
        return value;
    }

    public String getPlainText() {
        return value;
    }

    public boolean equals(Object that) {
        return that instanceof Secret && value.equals(((Secret) that).value);
    }

    public int hashCode() {
        return value.hashCode();
    }

    public static Secret fromString(String data) {
        return new Secret(data == null ? "" : data);
    }
}

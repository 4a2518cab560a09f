package hudson;

import java.io.IOException;

public class AbortException extends IOException {

    public AbortException() {
        throw new UnsupportedOperationException();
    }

    public AbortException(String message) {
        throw new UnsupportedOperationException();
    }
}

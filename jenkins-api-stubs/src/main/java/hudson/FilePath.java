package hudson;

import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

public final class FilePath implements SerializableOnlyOverRemoting {

    private FilePath() {
        throw new UnsupportedOperationException();
    }
}

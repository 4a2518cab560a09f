package hudson.scm;

import hudson.model.User;
import java.util.Collection;

public abstract class ChangeLogSet<T extends ChangeLogSet.Entry> implements Iterable<T> {

    private ChangeLogSet() {
        throw new UnsupportedOperationException();
    }

    public abstract boolean isEmptySet();

    public abstract static class Entry {

        private Entry() {
            throw new UnsupportedOperationException();
        }

        public abstract String getMsg();

        public abstract User getAuthor();

        public abstract Collection<String> getAffectedPaths();
    }
}

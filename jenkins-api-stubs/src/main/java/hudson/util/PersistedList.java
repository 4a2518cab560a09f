package hudson.util;

import java.util.AbstractList;

public class PersistedList<T> extends AbstractList<T> {

    protected PersistedList() {
        throw new UnsupportedOperationException();
    }

    public T get(int index) {
        throw new UnsupportedOperationException();
    }

    public <U extends T> U get(Class<U> type) {
        throw new UnsupportedOperationException();
    }

    public int size() {
        throw new UnsupportedOperationException();
    }
}

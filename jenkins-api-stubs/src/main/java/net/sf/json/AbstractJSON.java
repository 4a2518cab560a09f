package net.sf.json;

import java.io.IOException;
import java.io.Writer;
import java.util.Collection;

abstract class AbstractJSON implements JSON {

    public final Writer write(Writer writer) throws IOException {
        throw new UnsupportedOperationException();
    }

    public final Writer writeCanonical(Writer writer) throws IOException {
        throw new UnsupportedOperationException();
    }

    protected abstract void write(Writer w, WritingVisitor v) throws IOException;

    interface WritingVisitor {

        Collection keySet(JSONObject o);

        void on(JSON o, Writer w) throws IOException;

        void on(Object value, Writer w) throws IOException;
    }
}

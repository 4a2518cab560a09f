package org.kohsuke.stapler.export;

import java.io.IOException;
import java.io.Writer;

public enum Flavor {
    JSON {
        @Override
        public DataWriter createDataWriter(Object bean, Writer w, ExportConfig config) {
            throw new UnsupportedOperationException();
        }
    },
    JSONP {
        @Override
        public DataWriter createDataWriter(Object bean, Writer w, ExportConfig config) {
            throw new UnsupportedOperationException();
        }
    },
    PYTHON {
        @Override
        public DataWriter createDataWriter(Object bean, Writer w, ExportConfig config) {
            throw new UnsupportedOperationException();
        }
    },
    RUBY {
        @Override
        public DataWriter createDataWriter(Object bean, Writer w, ExportConfig config) {
            throw new UnsupportedOperationException();
        }
    },
    XML {
        @Override
        public DataWriter createDataWriter(Object bean, Writer w, ExportConfig config) {
            throw new UnsupportedOperationException();
        }
    };

    public abstract DataWriter createDataWriter(Object bean, Writer w, ExportConfig config) throws IOException;
}

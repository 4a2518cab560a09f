package net.sf.json;

public class JsonConfig {

    private JsonConfig() {
        throw new UnsupportedOperationException();
    }
}

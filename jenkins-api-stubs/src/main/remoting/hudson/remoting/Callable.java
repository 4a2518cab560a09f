package hudson.remoting;

import java.io.Serializable;

public interface Callable<V, T extends Throwable> extends Serializable {}

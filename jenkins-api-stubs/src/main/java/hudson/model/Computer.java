package hudson.model;

import hudson.remoting.VirtualChannel;
import hudson.security.AccessControlled;
import hudson.slaves.RetentionStrategy;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.concurrent.Future;
import java.util.logging.LogRecord;
import jenkins.widgets.HasWidgets;
import org.kohsuke.stapler.StaplerProxy;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

public abstract class Computer extends Actionable
        implements AccessControlled, ExecutorListener, DescriptorByNameOwner, StaplerProxy, HasWidgets {

    private Computer() {
        throw new UnsupportedOperationException();
    }

    public abstract VirtualChannel getChannel();

    public abstract Charset getDefaultCharset();

    public abstract List<LogRecord> getLogRecords() throws IOException, InterruptedException;

    public abstract void doLaunchSlaveAgent(StaplerRequest2 req, StaplerResponse2 rsp)
            throws IOException, ServletException;

    protected abstract Future<?> _connect(boolean forceReconnect);

    public abstract Boolean isUnix();

    public abstract boolean isConnecting();

    public abstract RetentionStrategy getRetentionStrategy();
}

package hudson;

import hudson.remoting.Channel;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

public abstract class Launcher {

    private Launcher() {
        throw new UnsupportedOperationException();
    }

    public abstract Proc launch(ProcStarter starter) throws IOException;

    public abstract Channel launchChannel(String[] cmd, OutputStream out, FilePath workDir, Map<String, String> envVars)
            throws IOException, InterruptedException;

    public abstract void kill(Map<String, String> modelEnvVars) throws IOException, InterruptedException;

    public final class ProcStarter {

        private ProcStarter() {
            throw new UnsupportedOperationException();
        }
    }
}

package hudson.remoting;

public class Channel implements VirtualChannel {
    private Channel() {}
}

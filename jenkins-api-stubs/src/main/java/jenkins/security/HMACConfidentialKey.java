package jenkins.security;

public class HMACConfidentialKey extends ConfidentialKey {

    public HMACConfidentialKey(String id, int length) {
        super(id);
    }

    public HMACConfidentialKey(String id) {
        super(id);
    }

    public HMACConfidentialKey(Class owner, String shortName, int length) {
        super(owner.getName() + '.' + shortName);
    }

    public HMACConfidentialKey(Class owner, String shortName) {
        super(owner.getName() + '.' + shortName);
    }

    public synchronized byte[] mac(byte[] message) {
        throw new UnsupportedOperationException();
    }

    public String mac(String message) {
        throw new UnsupportedOperationException();
    }
}

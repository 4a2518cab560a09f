package hudson.model;

public final class BuildAuthorizationToken {

    private BuildAuthorizationToken() {
        throw new UnsupportedOperationException();
    }
}

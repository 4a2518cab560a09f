package hudson.model;

@Deprecated
public final class BuildAuthorizationToken {

    private BuildAuthorizationToken() {
        throw new UnsupportedOperationException();
    }
}

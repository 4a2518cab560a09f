package hudson.security;

import org.springframework.security.core.Authentication;

public abstract class ACL {

    private ACL() {
        throw new UnsupportedOperationException();
    }

    public boolean hasPermission2(Authentication a, Permission permission) {
        throw new UnsupportedOperationException();
    }

    public static final Authentication SYSTEM2 = (Authentication) null;

    public static ACLContext as2(Authentication auth) {
        throw new UnsupportedOperationException();
    }
}

package org.acegisecurity;

public interface GrantedAuthority {

    String getAuthority();

    String toString();

    boolean equals(Object obj);

    int hashCode();
}

package org.kohsuke.stapler;

import java.util.Collection;

public interface StaplerOverridable {

    Collection<?> getOverrides();
}

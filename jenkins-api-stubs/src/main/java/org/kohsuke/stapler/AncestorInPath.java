package org.kohsuke.stapler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.kohsuke.stapler.AncestorInPath.HandlerImpl;

@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@Documented
@InjectedParameter(HandlerImpl.class)
public @interface AncestorInPath {

    class HandlerImpl extends AnnotationHandler<AncestorInPath> {

        private HandlerImpl() {
            throw new UnsupportedOperationException();
        }
    }
}

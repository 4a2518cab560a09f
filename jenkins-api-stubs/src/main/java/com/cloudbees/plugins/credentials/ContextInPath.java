package com.cloudbees.plugins.credentials;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.kohsuke.stapler.AnnotationHandler;
import org.kohsuke.stapler.InjectedParameter;

@Retention(RUNTIME)
@Target(PARAMETER)
@Documented
@InjectedParameter(ContextInPath.HandlerImpl.class)
public @interface ContextInPath {

    class HandlerImpl extends AnnotationHandler<ContextInPath> {

        private HandlerImpl() {
            throw new UnsupportedOperationException();
        }
    }
}

package org.kohsuke.stapler.verb;

import org.kohsuke.stapler.interceptor.Interceptor;

public class HttpVerbInterceptor extends Interceptor {

    private HttpVerbInterceptor() {
        throw new UnsupportedOperationException();
    }
}

package org.kohsuke.stapler.interceptor;

public abstract class Interceptor {}

package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServlet;

public class Stapler extends HttpServlet {

    private Stapler() {
        throw new UnsupportedOperationException();
    }
}

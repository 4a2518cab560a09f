package hudson.util;

import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;

/**
 * Value behaviour as in Jenkins: {@link #kind}, and {@link #getMessage()} holding the HTML-escaped message (the
 * real {@code error/warning/ok(String)} escape with {@code Util.escape}; a {@code null} message gives {@link #ok()}).
 */
public abstract class FormValidation extends IOException implements HttpResponse {

    private static final FormValidation OK = new FormValidation(Kind.OK, null) {
        @Override
        public String renderHtml() {
            return "<div/>";
        }
    };

    private FormValidation(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static FormValidation error(String message) {
        return of(Kind.ERROR, message);
    }

    public static FormValidation warning(String message) {
        return of(Kind.WARNING, message);
    }

    public static FormValidation ok(String message) {
        return of(Kind.OK, message);
    }

    public static FormValidation ok() {
        return OK;
    }

    private static FormValidation of(Kind kind, String message) {
        if (message == null) {
            return OK;
        }
        String html = escape(message);
        return new FormValidation(kind, html) {
            @Override
            public String renderHtml() {
                return html;
            }
        };
    }

    /** Same escaping as {@code hudson.Util.escape}. */
    private static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> b.append("<br>");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#039;");
                case ' ' -> b.append(i + 1 < text.length() && text.charAt(i + 1) == ' ' ? "&nbsp;" : " ");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    public final Kind kind;

    public abstract String renderHtml();

    public enum Kind {
        OK,
        WARNING,
        ERROR;
    }
}

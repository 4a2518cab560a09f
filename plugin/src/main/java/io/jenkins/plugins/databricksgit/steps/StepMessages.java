package io.jenkins.plugins.databricksgit.steps;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** User-facing text of this package, from {@code Messages.properties} next to it. */
final class StepMessages {
    private StepMessages() {}

    static String get(String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(
                "io.jenkins.plugins.databricksgit.steps.Messages",
                Locale.getDefault(),
                StepMessages.class.getClassLoader());
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
    }
}

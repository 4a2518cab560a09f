package hudson.util;

import java.util.ArrayList;
import org.kohsuke.stapler.HttpResponse;

/** Value behaviour as in Jenkins: a list of options, {@link #add(String, String)} appends one. */
public class ListBoxModel extends ArrayList<ListBoxModel.Option> implements HttpResponse {

    public ListBoxModel() {}

    public void add(String displayName, String value) {
        add(new Option(displayName, value));
    }

    public static final class Option {

        public Option(String name, String value) {
            this.name = name;
            this.value = value;
        }

        public String name;

        public String value;
    }
}

package hudson.model;

import java.io.IOException;

public interface ModifiableViewGroup extends ViewGroup {

    void addView(View view) throws IOException;
}

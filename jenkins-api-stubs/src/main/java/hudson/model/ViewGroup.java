package hudson.model;

import hudson.security.AccessControlled;
import hudson.views.ViewsTabBar;
import java.io.IOException;
import java.util.Collection;

public interface ViewGroup extends Saveable, ModelObject, AccessControlled {

    boolean canDelete(View view);

    void deleteView(View view) throws IOException;

    Collection<View> getViews();

    View getView(String name);

    String getUrl();

    void onViewRenamed(View view, String oldName, String newName);

    ViewsTabBar getViewsTabBar();
}

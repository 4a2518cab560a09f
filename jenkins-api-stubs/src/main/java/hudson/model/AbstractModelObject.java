package hudson.model;

import hudson.search.Search;
import hudson.search.SearchIndex;
import hudson.search.SearchableModelObject;

public abstract class AbstractModelObject implements SearchableModelObject {

    public final SearchIndex getSearchIndex() {
        throw new UnsupportedOperationException();
    }

    public Search getSearch() {
        throw new UnsupportedOperationException();
    }

    public String getSearchName() {
        throw new UnsupportedOperationException();
    }
}

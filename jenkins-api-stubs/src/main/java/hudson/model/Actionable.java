package hudson.model;

import jenkins.model.ModelObjectWithContextMenu;

public abstract class Actionable extends AbstractModelObject implements ModelObjectWithContextMenu {
    public void addAction(Action a) {
        throw new UnsupportedOperationException();
    }

    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException();
    }
}

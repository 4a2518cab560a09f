package hudson.model;

import hudson.model.queue.SubTask;
import jenkins.console.WithConsoleUrl;

public class Queue extends ResourceController implements Saveable {

    private Queue() {
        throw new UnsupportedOperationException();
    }

    public void save() {
        throw new UnsupportedOperationException();
    }

    public interface Task extends ModelObject, SubTask {

        String getName();

        String getFullDisplayName();

        String getUrl();
    }

    public interface Executable extends Runnable, WithConsoleUrl {

        SubTask getParent();

        @Override
        void run();
    }
}

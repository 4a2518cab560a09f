package hudson.model;

public class Queue extends ResourceController implements Saveable {

    private Queue() {
        throw new UnsupportedOperationException();
    }

    public void save() {
        throw new UnsupportedOperationException();
    }
}

package jenkins.model.queue;

public abstract class AsynchronousExecution extends RuntimeException {

    private AsynchronousExecution() {
        throw new UnsupportedOperationException();
    }

    public abstract void interrupt(boolean forShutdown);

    public abstract boolean blocksRestart();

    public abstract boolean displayCell();
}

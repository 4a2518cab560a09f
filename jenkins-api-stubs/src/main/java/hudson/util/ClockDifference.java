package hudson.util;

public final class ClockDifference {

    private ClockDifference() {
        throw new UnsupportedOperationException();
    }
}

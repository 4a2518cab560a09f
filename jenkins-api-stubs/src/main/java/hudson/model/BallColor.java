package hudson.model;

public enum BallColor implements StatusIcon {
    RED,
    RED_ANIME,
    YELLOW,
    YELLOW_ANIME,
    BLUE,
    BLUE_ANIME,
    GREY,
    GREY_ANIME,
    DISABLED,
    DISABLED_ANIME,
    ABORTED,
    ABORTED_ANIME,
    NOTBUILT,
    NOTBUILT_ANIME;

    public String getImageOf(String size) {
        throw new UnsupportedOperationException();
    }

    public String getDescription() {
        throw new UnsupportedOperationException();
    }
}

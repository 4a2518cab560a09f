package hudson.model;

public interface StatusIcon {

    String getImageOf(String size);

    String getDescription();
}

package jenkins.console;

public interface WithConsoleUrl {

    String getConsoleUrl();
}

package hudson.tasks;

public abstract class BuildStepCompatibilityLayer implements BuildStep {}

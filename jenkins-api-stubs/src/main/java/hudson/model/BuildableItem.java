package hudson.model;

import hudson.model.Queue.Task;

public interface BuildableItem extends Item, Task {

    boolean scheduleBuild(Cause c);

    boolean scheduleBuild(int quietPeriod, Cause c);
}

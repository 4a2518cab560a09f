package jenkins.scm;

import hudson.model.Job;
import hudson.model.Run;
import hudson.scm.ChangeLogSet;
import java.util.List;
import java.util.Set;

public interface RunWithSCM<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT> & RunWithSCM<JobT, RunT>> {

    List<ChangeLogSet<? extends ChangeLogSet.Entry>> getChangeSets();

    Set<String> getCulpritIds();

    boolean shouldCalculateCulprits();
}

package jenkins.model;

import hudson.model.ModifiableItemGroup;
import hudson.model.TopLevelItem;
import hudson.model.TopLevelItemDescriptor;
import java.io.IOException;
import java.io.InputStream;

public interface ModifiableTopLevelItemGroup extends ModifiableItemGroup<TopLevelItem> {

    <T extends TopLevelItem> T copy(T src, String name) throws IOException;

    TopLevelItem createProjectFromXML(String name, InputStream xml) throws IOException;

    TopLevelItem createProject(TopLevelItemDescriptor type, String name, boolean notify) throws IOException;
}

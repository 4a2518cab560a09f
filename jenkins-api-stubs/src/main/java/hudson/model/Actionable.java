package hudson.model;

import jenkins.model.ModelObjectWithContextMenu;

public abstract class Actionable extends AbstractModelObject implements ModelObjectWithContextMenu {}

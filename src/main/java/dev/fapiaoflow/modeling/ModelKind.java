package dev.fapiaoflow.modeling;

import java.util.Arrays;
import java.util.Optional;

/** The three kinds of model, each with its folder in the repository and its file ending. */
public enum ModelKind {
    BPMN("bpmn/", ".bpmn"),
    DMN("dmn/", ".dmn"),
    FORM("forms/", ".form");

    private final String folder;
    private final String suffix;

    ModelKind(String folder, String suffix) {
        this.folder = folder;
        this.suffix = suffix;
    }

    public String folder() {
        return folder;
    }

    public String suffix() {
        return suffix;
    }

    public static Optional<ModelKind> ofResource(String resourceName) {
        return Arrays.stream(values()).filter(kind -> resourceName != null && resourceName.endsWith(kind.suffix)).findFirst();
    }

    /** the file's place in the repository, whatever path it was deployed under */
    public String repositoryPath(String resourceName) {
        return folder + resourceName.substring(resourceName.lastIndexOf('/') + 1);
    }
}

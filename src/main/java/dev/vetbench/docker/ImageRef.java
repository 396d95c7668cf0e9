package dev.vetbench.docker;

import java.util.Objects;

/**
 * A reference to an image version: optional registry, repository and tag, as in
 * {@code 127.0.0.1:5055/medivendor/frontend:1.5.0}.
 *
 * @param registry {@code host[:port]} of the registry, or empty for the engine's default
 * @param repository e.g. {@code medivendor/frontend}
 * @param tag e.g. {@code 1.5.0}; {@code latest} when none was given
 */
public record ImageRef(String registry, String repository, String tag) {

    public ImageRef {
        registry = registry == null ? "" : registry;
        Objects.requireNonNull(repository, "repository");
        tag = tag == null || tag.isEmpty() ? "latest" : tag;
        if (repository.isEmpty()) {
            throw new IllegalArgumentException("an image reference needs a repository");
        }
    }

    /**
     * Reads {@code [registry/]repository[:tag]}. The first path part is a registry when it holds a dot or a colon or
     * is {@code localhost}, as the docker CLI decides.
     *
     * @throws DockerException when the text is not an image reference
     */
    public static ImageRef parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty() || value.contains(" ") || value.contains("@")) {
            throw new DockerException(DockerException.Reason.FAILED, "'" + text
                + "' is not an image reference; write it as repository:tag, e.g. medivendor/frontend:1.5.0.", null);
        }
        String registry = "";
        String rest = value;
        int slash = value.indexOf('/');
        if (slash > 0) {
            String first = value.substring(0, slash);
            if (first.contains(".") || first.contains(":") || "localhost".equals(first)) {
                registry = first;
                rest = value.substring(slash + 1);
            }
        }
        int colon = rest.lastIndexOf(':');
        String repository = colon > 0 ? rest.substring(0, colon) : rest;
        String tag = colon > 0 ? rest.substring(colon + 1) : "latest";
        return new ImageRef(registry, repository, tag);
    }

    /** The repository with its registry, as the engine names it: {@code 127.0.0.1:5055/medivendor/frontend}. */
    public String name() {
        return registry.isEmpty() ? repository : registry + "/" + repository;
    }

    /** The same version in another registry. */
    public ImageRef inRegistry(String otherRegistry) {
        return new ImageRef(otherRegistry, repository, tag);
    }

    @Override
    public String toString() {
        return name() + ":" + tag;
    }
}

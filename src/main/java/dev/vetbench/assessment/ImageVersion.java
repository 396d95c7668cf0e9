package dev.vetbench.assessment;

import java.util.Objects;

/**
 * One image version in the scope of an assessment.
 *
 * @param repository the image repository, e.g. {@code medivendor/frontend}
 * @param tag the tag the assessor picked, e.g. {@code 1.5.0}
 * @param digest the digest the tag resolved to ({@code sha256:...}), or empty when not known
 */
public record ImageVersion(String repository, String tag, String digest) {

    public ImageVersion {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(tag, "tag");
        digest = digest == null ? "" : digest;
    }

    /** The key results are filed under: {@code repository:tag}. */
    public String id() {
        return repository + ":" + tag;
    }
}

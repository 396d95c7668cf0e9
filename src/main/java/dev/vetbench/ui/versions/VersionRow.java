package dev.vetbench.ui.versions;

import java.time.Instant;
import java.util.Objects;

/**
 * One image version as the Versions screen lists it.
 *
 * @param repository e.g. {@code medivendor/frontend}
 * @param tag e.g. {@code 1.5.0}
 * @param digest {@code sha256:...}, the registry digest when known, else the image id
 * @param sizeBytes the image size, or -1 when unknown
 * @param created when the image was built, or null when unknown
 * @param onHost whether the engine already has it (false: seen only in a registry, pull it first)
 */
public record VersionRow(String repository, String tag, String digest, long sizeBytes, Instant created,
        boolean onHost) {

    public VersionRow {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(digest, "digest");
    }

    public String reference() {
        return repository + ":" + tag;
    }
}

package dev.vetbench.docker;

import java.time.Instant;

/**
 * One tagged image version, from the Docker host or from a registry.
 *
 * @param repository e.g. {@code medivendor/frontend} or {@code 127.0.0.1:5055/medivendor/frontend}
 * @param tag e.g. {@code 1.5.0}
 * @param digest the registry manifest digest ({@code sha256:...}) when known, else the image id
 * @param imageId the engine's image id ({@code sha256:...}); empty for a version only seen in a registry
 * @param sizeBytes the image size (unpacked on a host, compressed layers in a registry), or -1 when unknown
 * @param created when the image was built, or {@code null} when unknown
 */
public record ImageVersion(String repository, String tag, String digest, String imageId, long sizeBytes,
        Instant created) {

    /** {@code repository:tag}. */
    public String reference() {
        return repository + ":" + tag;
    }
}

package dev.vetbench.docker;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an image on the host declares, as the checks need it.
 *
 * @param reference the reference it was looked up by
 * @param imageId the engine's image id
 * @param digest the first repo digest ({@code sha256:...}) when the image came from a registry, else the image id
 * @param declaredVolumes the paths of the image's {@code VOLUME} instructions
 * @param exposedPorts the image's {@code EXPOSE}d ports, e.g. {@code 443/tcp}
 * @param environment the image's default environment
 * @param entrypoint the image's entrypoint
 * @param command the image's default command
 */
public record ImageDetails(String reference, String imageId, String digest, Set<String> declaredVolumes,
        Set<String> exposedPorts, Map<String, String> environment, List<String> entrypoint, List<String> command) {

    public ImageDetails {
        declaredVolumes = Set.copyOf(declaredVolumes);
        exposedPorts = Set.copyOf(exposedPorts);
        environment = Map.copyOf(environment);
        entrypoint = List.copyOf(entrypoint);
        command = List.copyOf(command);
    }
}

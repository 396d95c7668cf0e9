package dev.vetbench.docker;

/**
 * What the Docker engine says about itself when Vetbench connects.
 *
 * @param engineVersion e.g. {@code 20.10.24}
 * @param apiVersion the engine's API version, e.g. {@code 1.41}
 * @param operatingSystem e.g. {@code Debian GNU/Linux 12 (bookworm)}
 * @param osType e.g. {@code linux}
 * @param architecture e.g. {@code x86_64}
 * @param storageDriver e.g. {@code overlay2}
 * @param cgroupVersion {@code 1} or {@code 2}, or empty when the engine does not say
 * @param hostName the engine host's name
 */
public record EngineInfo(
        String engineVersion,
        String apiVersion,
        String operatingSystem,
        String osType,
        String architecture,
        String storageDriver,
        String cgroupVersion,
        String hostName) {
}

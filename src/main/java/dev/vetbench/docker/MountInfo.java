package dev.vetbench.docker;

/**
 * One mount of a running container, as the engine reports it.
 *
 * @param type {@code volume}, {@code bind} or {@code tmpfs}
 * @param name the volume name for a volume, else empty
 * @param source where the data lives on the Docker host (the volume's directory or the bound path)
 * @param destination the path inside the container
 * @param driver the volume driver, e.g. {@code local}, else empty
 * @param readWrite whether the container can write to it
 */
public record MountInfo(String type, String name, String source, String destination, String driver,
        boolean readWrite) {
}

package dev.vetbench.ui.host;

/**
 * What a connected engine says about itself, as the Host screen shows it.
 *
 * @param host the address connected to
 * @param version e.g. 20.10.24
 * @param apiVersion e.g. 1.41
 * @param operatingSystem e.g. Debian GNU/Linux 12 (bookworm)
 * @param kernel e.g. 6.1.0-18-amd64
 * @param architecture e.g. x86_64
 * @param storageDriver e.g. overlay2
 * @param name the engine's host name
 */
public record EngineSummary(
        HostSpec host,
        String version,
        String apiVersion,
        String operatingSystem,
        String kernel,
        String architecture,
        String storageDriver,
        String name) {
}

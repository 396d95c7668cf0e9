package dev.vetbench.docker;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One Docker CLI context: a named engine endpoint the assessor set up with {@code docker context create}.
 *
 * @param name e.g. {@code lab}; {@code default} is the context the docker CLI always has (DOCKER_HOST or the local
 *     socket)
 * @param description what its creator wrote about it, or empty
 * @param endpoint the engine address as stored, e.g. {@code tcp://192.0.2.10:2376} or {@code ssh://admin@engine}
 * @param tlsDirectory the directory with {@code ca.pem}, {@code cert.pem} and {@code key.pem} stored for it, or
 *     {@code null} when it has none
 * @param current whether the docker CLI uses this context now
 */
public record DockerContext(String name, String description, String endpoint, Path tlsDirectory, boolean current) {

    /** The name of the context the docker CLI has without any being created. */
    public static final String DEFAULT = "default";

    public DockerContext {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endpoint, "endpoint");
        description = description == null ? "" : description;
    }

    /** Whether this is the built-in {@code default} context rather than one stored in the config directory. */
    public boolean isDefault() {
        return DEFAULT.equals(name);
    }

    /**
     * How to reach the context's engine.
     *
     * @throws DockerException when the endpoint is neither a unix socket nor tcp (e.g. {@code ssh://})
     */
    public DockerHostSpec host() {
        boolean tls = tlsDirectory != null && endpoint.strip().startsWith("tcp://");
        return DockerHostSpec.parse(endpoint, tls ? tlsDirectory : null).withOrigin(origin());
    }

    /** For people: "Docker context 'lab'". */
    public String origin() {
        return "Docker context '" + name + "'";
    }
}

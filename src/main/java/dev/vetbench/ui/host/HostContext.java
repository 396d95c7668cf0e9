package dev.vetbench.ui.host;

import java.util.Objects;

/**
 * A Docker CLI context as the Host screen lists it.
 *
 * @param name e.g. {@code lab}, or {@code default}
 * @param description what its creator wrote about it, or empty
 * @param host the engine endpoint and the context's TLS material, if any
 * @param current whether the docker CLI uses this context now
 */
public record HostContext(String name, String description, HostSpec host, boolean current) {

    public HostContext {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        description = description == null ? "" : description;
    }
}

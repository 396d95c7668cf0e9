package dev.vetbench.docker;

import java.util.Objects;

/**
 * An environment variable that turns a feature of an image on, e.g. {@code PROXY_PROTOCOL=on}.
 *
 * @param name the variable
 * @param value the value that turns the feature on
 */
public record EnvSwitch(String name, String value) {

    public EnvSwitch {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}

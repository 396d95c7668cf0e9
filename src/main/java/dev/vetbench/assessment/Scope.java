package dev.vetbench.assessment;

import java.util.List;
import java.util.Objects;

/**
 * What was assessed.
 *
 * @param dockerHost the Docker engine the targets ran on, e.g. {@code unix:///var/run/docker.sock}
 * @param versions the image versions, in the order the assessor picked them
 * @param profiles the names of the profiles the targets were started with
 */
public record Scope(String dockerHost, List<ImageVersion> versions, List<String> profiles) {

    public Scope {
        dockerHost = dockerHost == null ? "" : dockerHost;
        versions = List.copyOf(Objects.requireNonNull(versions, "versions"));
        profiles = List.copyOf(Objects.requireNonNull(profiles, "profiles"));
    }

    /** A scope with nothing in it yet. */
    public static Scope empty() {
        return new Scope("", List.of(), List.of());
    }
}

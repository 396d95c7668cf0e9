package dev.vetbench.checks;

import dev.vetbench.docker.DockerConnection;
import dev.vetbench.docker.TargetProfile;
import dev.vetbench.docker.VolumeSpec;
import dev.vetbench.tls.StartTls;
import java.util.List;
import java.util.Objects;

/**
 * An image version that a check starts itself, with a profile, on a Docker host: the PROXY-protocol check starts
 * it with its PROXY-protocol switch on, the encryption-at-rest check with the volumes the assessor chose.
 *
 * @param docker the engine that runs the containers
 * @param image the image reference, e.g. {@code medivendor/frontend:1.5.0}
 * @param profile how to start it
 * @param volumes the assessor's volume choice, replacing the profile's volume at the same container path; empty
 *     keeps the deployment's own (the profile's volumes and the image's anonymous VOLUMEs)
 */
public record ImageTarget(DockerConnection docker, String image, TargetProfile profile, List<VolumeSpec> volumes) {

    public ImageTarget {
        Objects.requireNonNull(docker, "docker");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(profile, "profile");
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
    }

    /** The target for people and reports: {@code image (profile NAME)}. */
    public String description() {
        return image + " (profile " + profile.name() + ")";
    }

    /**
     * The same target in the shape the check engine's events carry. It names the Docker engine rather than an
     * endpoint; image checks never connect to it.
     */
    public CheckTarget asCheckTarget() {
        // Limitation: CheckTarget models a host:port endpoint; for an image target the port is a placeholder
        // (Docker's well-known API port) and only the description is meaningful.
        return new CheckTarget("docker", 2375, StartTls.NONE, description());
    }
}

package dev.vetbench.docker;

import com.github.dockerjava.api.model.Container;
import java.util.List;
import java.util.Map;

/** Looks for containers and volumes a test left on the engine. */
final class Leftovers {

    private Leftovers() {
    }

    /** The containers, running or not, that were started with the profile of this name. */
    static List<Container> containersOfProfile(DockerConnection docker, String profileName) {
        return docker.quickClient().listContainersCmd().withShowAll(true)
            .withLabelFilter(Map.of("dev.vetbench.profile", profileName)).exec();
    }

    /** Whether the engine still has a volume of this name. */
    static boolean volumeExists(DockerConnection docker, String name) {
        return docker.quickClient().listVolumesCmd().exec().getVolumes().stream()
            .anyMatch(volume -> volume.getName().equals(name));
    }
}

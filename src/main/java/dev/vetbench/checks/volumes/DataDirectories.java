package dev.vetbench.checks.volumes;

import dev.vetbench.docker.ImageDetails;
import dev.vetbench.docker.MountInfo;
import dev.vetbench.docker.TargetProfile;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Where an image keeps data that must be encrypted at rest, and which mount (if any) holds each place. */
final class DataDirectories {

    /** The environment variable database images commonly use for their data directory. */
    static final String DATA_DIRECTORY_VARIABLE = "DATA_DIRECTORY";

    private DataDirectories() {
    }

    /** The profile's data directories, the image's declared VOLUMEs and DATA_DIRECTORY, normalised and sorted. */
    static List<String> of(TargetProfile profile, ImageDetails image) {
        TreeSet<String> directories = new TreeSet<>();
        profile.dataDirectories().forEach(path -> directories.add(normalise(path)));
        image.declaredVolumes().forEach(path -> directories.add(normalise(path)));
        Optional.ofNullable(profile.environment().get(DATA_DIRECTORY_VARIABLE))
            .or(() -> Optional.ofNullable(image.environment().get(DATA_DIRECTORY_VARIABLE)))
            .filter(path -> path.startsWith("/"))
            .ifPresent(path -> directories.add(normalise(path)));
        return List.copyOf(directories);
    }

    /** The mount whose destination is the directory or its nearest parent. */
    static Optional<MountInfo> mountOf(String directory, List<MountInfo> mounts) {
        return mounts.stream()
            .filter(mount -> covers(normalise(mount.destination()), directory))
            .max(Comparator.comparingInt(mount -> normalise(mount.destination()).length()));
    }

    private static boolean covers(String mountPoint, String directory) {
        return directory.equals(mountPoint) || mountPoint.equals("/") || directory.startsWith(mountPoint + "/");
    }

    static String normalise(String path) {
        String clean = path.replaceAll("/+", "/");
        return clean.length() > 1 && clean.endsWith("/") ? clean.substring(0, clean.length() - 1) : clean;
    }
}

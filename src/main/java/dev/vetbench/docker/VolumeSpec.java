package dev.vetbench.docker;

import java.util.Objects;

/**
 * How one path inside a target container is backed.
 *
 * @param kind named volume, bind mount, or none
 * @param containerPath the path inside the container, e.g. {@code /var/db}
 * @param source the volume name or host path; for a named volume {@code null} means "a fresh volume that Vetbench
 *     creates and removes with the target"
 * @param readOnly whether the container may only read it
 */
public record VolumeSpec(Kind kind, String containerPath, String source, boolean readOnly) {

    /** How the path is backed. */
    public enum Kind {
        /** A Docker named volume. */
        NAMED,
        /** A directory of the Docker host bound into the container. */
        BIND,
        /** Nothing: the path stays in the container's writable layer (or the image's own anonymous volume). */
        NONE
    }

    public VolumeSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(containerPath, "containerPath");
        if (kind == Kind.BIND && (source == null || source.isBlank())) {
            throw new IllegalArgumentException("a bind mount needs a host path");
        }
    }

    /** A fresh named volume at {@code containerPath}, removed with the target. */
    public static VolumeSpec freshVolume(String containerPath) {
        return new VolumeSpec(Kind.NAMED, containerPath, null, false);
    }

    /** An existing (or engine-created) named volume, left in place when the target is removed. */
    public static VolumeSpec namedVolume(String name, String containerPath) {
        return new VolumeSpec(Kind.NAMED, containerPath, name, false);
    }

    /** A directory of the Docker host bound at {@code containerPath}. */
    public static VolumeSpec bind(String hostPath, String containerPath, boolean readOnly) {
        return new VolumeSpec(Kind.BIND, containerPath, hostPath, readOnly);
    }

    /** No mount at {@code containerPath}. */
    public static VolumeSpec none(String containerPath) {
        return new VolumeSpec(Kind.NONE, containerPath, null, false);
    }

    /**
     * Reads the command-line form: {@code none:/var/db}, {@code volume:/var/db}, {@code volume:NAME:/var/db},
     * {@code bind:/host/dir:/var/db[:ro]}.
     *
     * @throws DockerException when the text is not understood
     */
    public static VolumeSpec parse(String text) {
        String[] parts = text.split(":");
        boolean readOnly = parts.length > 1 && "ro".equals(parts[parts.length - 1]);
        int length = readOnly ? parts.length - 1 : parts.length;
        if (length == 2 && "none".equals(parts[0])) {
            return none(parts[1]);
        }
        if (length == 2 && "volume".equals(parts[0])) {
            return new VolumeSpec(Kind.NAMED, parts[1], null, readOnly);
        }
        if (length == 3 && "volume".equals(parts[0])) {
            return new VolumeSpec(Kind.NAMED, parts[2], parts[1], readOnly);
        }
        if (length == 3 && "bind".equals(parts[0])) {
            return new VolumeSpec(Kind.BIND, parts[2], parts[1], readOnly);
        }
        throw new DockerException(DockerException.Reason.FAILED, "The volume '" + text + "' is not understood; use "
            + "none:/path, volume:/path, volume:NAME:/path or bind:/host/dir:/path[:ro].", null);
    }
}

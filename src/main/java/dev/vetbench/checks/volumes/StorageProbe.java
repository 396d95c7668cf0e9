package dev.vetbench.checks.volumes;

import dev.vetbench.docker.CancellationToken;
import dev.vetbench.docker.CompletedRun;
import dev.vetbench.docker.DockerConnection;
import dev.vetbench.docker.DockerException;
import dev.vetbench.docker.VolumeSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Resolves the storage behind a path on the Docker host through a short-lived helper container: the path bound
 * read-only at {@value #PROBE_PATH}, no network, every capability dropped but {@code DAC_READ_SEARCH} (so the
 * helper can open a data directory whose mode keeps other users out, as PostgreSQL's 0700 does, without being able
 * to write anything), {@code no-new-privileges} and a read-only root filesystem. The helper runs
 * {@code storage-probe.pl} with the image's own perl and prints what it read.
 */
public final class StorageProbe {

    /** Where the probed path appears inside the helper. */
    public static final String PROBE_PATH = "/probe";
    /** The helper's capabilities beyond none; read-only: it bypasses read and search permission checks only. */
    public static final Set<String> CAPABILITIES = Set.of("DAC_READ_SEARCH");
    /** The helper's settings, for evidence. */
    public static final String SETTINGS = "network none, all capabilities dropped but DAC_READ_SEARCH, "
        + "no-new-privileges, read-only root filesystem, the volume bound read-only at " + PROBE_PATH;

    private static final String SCRIPT = script();
    private static final int OUTPUT_TAIL = 10;

    private final DockerConnection docker;
    private final String helperImage;

    /**
     * @param docker the engine the target runs on
     * @param helperImage an image with perl (Debian's minbase has perl-base), e.g.
     *     {@code vetbench-testbed/base:bookworm}
     */
    public StorageProbe(DockerConnection docker, String helperImage) {
        this.docker = docker;
        this.helperImage = helperImage;
    }

    /** The helper image in use. */
    public String helperImage() {
        return helperImage;
    }

    /**
     * Probes the storage behind {@code hostPath}.
     *
     * @throws dev.vetbench.docker.DockerException when the helper cannot start (e.g. its image is missing), misses
     *     the deadline or is cancelled
     * @throws StorageProbeException when the helper ran but did not finish its report
     */
    public HostStorageSnapshot probe(String hostPath, Duration deadline, CancellationToken cancel) {
        CompletedRun run;
        try {
            run = docker.launcher().runToCompletion(helperImage, List.of("perl", "-e", SCRIPT, PROBE_PATH),
                List.of(VolumeSpec.bind(hostPath, PROBE_PATH, true)), false, CAPABILITIES, deadline, cancel);
        } catch (DockerException e) {
            if (e.reason() != DockerException.Reason.NOT_FOUND) {
                throw e;
            }
            throw new DockerException(e.reason(), "The storage helper image " + helperImage + " is not on the Docker "
                + "host; run src/testbed/testbed.sh, or set -D" + VolumeEncryptionCheck.HELPER_IMAGE_PROPERTY + " or "
                + VolumeEncryptionCheck.HELPER_IMAGE_VARIABLE + " to a local image with perl.", e);
        }
        try {
            return HostStorageSnapshot.parse(PROBE_PATH, run.output());
        } catch (IllegalArgumentException e) {
            List<String> tail = run.output().subList(Math.max(0, run.output().size() - OUTPUT_TAIL),
                run.output().size());
            throw new StorageProbeException("The storage helper from " + helperImage + " exited with code "
                + run.exitCode() + " without finishing its report (" + e.getMessage() + "); check that the image "
                + "has perl.", tail);
        }
    }

    private static String script() {
        try (InputStream in = StorageProbe.class.getResourceAsStream("storage-probe.pl")) {
            if (in == null) {
                throw new IllegalStateException("storage-probe.pl is missing from the Vetbench build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The helper ran but its output is not a finished report. */
    public static final class StorageProbeException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final List<String> outputTail;

        StorageProbeException(String message, List<String> outputTail) {
            super(message);
            this.outputTail = List.copyOf(outputTail);
        }

        /** The helper's last output lines. */
        public List<String> outputTail() {
            return outputTail;
        }
    }
}

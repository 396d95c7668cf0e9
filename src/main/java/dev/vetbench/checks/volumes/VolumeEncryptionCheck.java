package dev.vetbench.checks.volumes;

import dev.vetbench.checks.CheckContext;
import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.DockerErrors;
import dev.vetbench.checks.ErrorReason;
import dev.vetbench.checks.Evidence;
import dev.vetbench.checks.ImageCheck;
import dev.vetbench.checks.ImageTarget;
import dev.vetbench.checks.Verdict;
import dev.vetbench.checks.volumes.StorageAssessment.Protection;
import dev.vetbench.docker.CancellationToken;
import dev.vetbench.docker.DockerException;
import dev.vetbench.docker.ImageDetails;
import dev.vetbench.docker.MountInfo;
import dev.vetbench.docker.RunningTarget;
import dev.vetbench.docker.TargetProfile;
import dev.vetbench.docker.VolumeSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encryption at rest (HIPAA 164.312(a)(2)(iv)): each data directory of the image is a mount, and the storage behind
 * each mount is encrypted. Starts the image with the volume configuration the assessor chose, reads its mounts from
 * the Docker API, resolves each on the Docker host with a {@link StorageProbe} helper, and removes the target (and
 * any fresh volume) afterwards.
 */
public final class VolumeEncryptionCheck implements ImageCheck {

    /** The registry id. */
    public static final String ID = "volume-encryption";
    /** The system property that names the helper image. */
    public static final String HELPER_IMAGE_PROPERTY = "vetbench.helperImage";
    /** The environment variable that names the helper image when the system property is not set. */
    public static final String HELPER_IMAGE_VARIABLE = "VETBENCH_HELPER_IMAGE";
    /** The helper image when none is configured: the test bed's Debian minbase image. */
    public static final String DEFAULT_HELPER_IMAGE = "vetbench-testbed/base:bookworm";

    private static final Logger LOG = LoggerFactory.getLogger(VolumeEncryptionCheck.class);
    private static final Duration HELPER_DEADLINE = Duration.ofSeconds(30);

    private final String helperImage;

    /** A check with the configured helper image (system property, environment, or the default). */
    public VolumeEncryptionCheck() {
        this(configuredHelperImage());
    }

    /** A check whose helper containers run from {@code helperImage}. */
    public VolumeEncryptionCheck(String helperImage) {
        this.helperImage = helperImage;
    }

    /** The helper image from {@value #HELPER_IMAGE_PROPERTY}, {@value #HELPER_IMAGE_VARIABLE} or the default. */
    public static String configuredHelperImage() {
        String property = System.getProperty(HELPER_IMAGE_PROPERTY);
        if (property != null && !property.isBlank()) {
            return property;
        }
        String variable = System.getenv(HELPER_IMAGE_VARIABLE);
        return variable == null || variable.isBlank() ? DEFAULT_HELPER_IMAGE : variable;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Encryption at rest";
    }

    @Override
    public String hipaaReference() {
        return "164.312(a)(2)(iv)";
    }

    @Override
    public CheckResult run(ImageTarget target, CheckContext context) {
        Instant started = Instant.now();
        Evidence.Builder evidence = Evidence.builder().fact("image", target.image())
            .fact("profile", target.profile().name()).fact("helper image", helperImage)
            .fact("helper settings", StorageProbe.SETTINGS);
        CancellationToken cancel = new CancellationToken();
        context.cancellation().onCancel(cancel::cancel);
        try {
            ImageDetails image = target.docker().inspectImage(target.image());
            List<String> directories = DataDirectories.of(target.profile(), image);
            TargetProfile profile = withVolumeChoice(target.profile(), target.volumes());
            evidence.fact("declared VOLUMEs", image.declaredVolumes().isEmpty() ? "none"
                : String.join(", ", new TreeSet<>(image.declaredVolumes())))
                .fact("data directories", String.join(", ", directories))
                .fact("volume choice", describe(profile.volumes()));
            if (directories.isEmpty()) {
                return CheckResult.conclusive(ID, target.asCheckTarget(), Verdict.NOT_APPLICABLE, "Neither the "
                    + "image nor profile " + profile.name() + " names a data directory or declares a VOLUME.",
                    evidence.build(), started);
            }
            return startAndAssess(target, profile, directories, context, cancel, evidence, started);
        } catch (DockerException e) {
            LOG.info("Encryption at rest on {} could not run: {}", target.description(), e.getMessage());
            return DockerErrors.error(ID, target, e, evidence, started);
        }
    }

    private CheckResult startAndAssess(ImageTarget target, TargetProfile profile, List<String> directories,
            CheckContext context, CancellationToken cancel, Evidence.Builder evidence, Instant started) {
        try (RunningTarget running = target.docker().launcher().start(target.image(), profile, context::progress,
                cancel)) {
            evidence.fact("container", running.name()).fact("digest", running.imageDigest());
            List<MountInfo> mounts = running.mounts();
            mounts.forEach(mount -> evidence.line("mount " + mount.destination() + ": " + mount.type()
                + (mount.name().isEmpty() ? "" : " " + mount.name()) + " from " + mount.source()
                + (mount.readWrite() ? " (rw)" : " (ro)")));

            Map<String, Optional<MountInfo>> placement = new LinkedHashMap<>();
            directories.forEach(directory -> placement.put(directory, DataDirectories.mountOf(directory, mounts)));
            Map<String, StorageAssessment> storage = assessMounts(target, placement, context, cancel, evidence);
            CheckResult result = VolumeVerdicts.conclude(ID, target, placement, storage, evidence, started);
            LOG.info("Encryption at rest on {} ({}) {} in {} ms", target.image(), running.imageDigest(),
                result.verdict(), result.duration().toMillis());
            return result;
        } catch (StorageProbe.StorageProbeException e) {
            evidence.line("stopped: " + e.getMessage());
            e.outputTail().forEach(line -> evidence.line("  helper: " + line));
            return CheckResult.error(ID, target.asCheckTarget(), ErrorReason.PROTOCOL_ERROR, e.getMessage(),
                evidence.build(), started);
        }
    }

    // One helper run per distinct mount source; tmpfs has no host path to bind and keeps data in memory (and swap).
    private Map<String, StorageAssessment> assessMounts(ImageTarget target, Map<String, Optional<MountInfo>> placement,
            CheckContext context, CancellationToken cancel, Evidence.Builder evidence) {
        StorageProbe probe = new StorageProbe(target.docker(), helperImage);
        Map<String, StorageAssessment> bySource = new LinkedHashMap<>();
        for (Optional<MountInfo> mount : placement.values()) {
            if (mount.isEmpty() || bySource.containsKey(mount.get().source())) {
                continue;
            }
            MountInfo info = mount.get();
            StorageAssessment assessment;
            if ("tmpfs".equals(info.type())) {
                assessment = new StorageAssessment(Protection.UNENCRYPTED, "tmpfs", Optional.empty(),
                    List.of(info.destination() + ": tmpfs"), "tmpfs keeps the data in memory, where it may be "
                        + "swapped to disk unencrypted, and loses it at every restart.");
            } else {
                context.progress("Resolving the storage behind " + info.destination() + " (" + info.source() + ")");
                HostStorageSnapshot snapshot = probe.probe(info.source(), helperDeadline(context), cancel);
                evidence.line("helper read for " + info.destination() + " (" + info.source() + "):");
                snapshot.transcript().forEach(line -> evidence.line("  " + line));
                assessment = StorageRecognizer.recognize(snapshot);
            }
            bySource.put(info.source(), assessment);
        }
        return bySource;
    }

    private static Duration helperDeadline(CheckContext context) {
        Duration left = context.remaining();
        return left.compareTo(HELPER_DEADLINE) < 0 ? left.plusMillis(1) : HELPER_DEADLINE;
    }

    /** The profile's volumes with the assessor's choice replacing any volume at the same container path. */
    static TargetProfile withVolumeChoice(TargetProfile profile, List<VolumeSpec> choice) {
        if (choice.isEmpty()) {
            return profile;
        }
        List<VolumeSpec> volumes = new ArrayList<>(profile.volumes());
        for (VolumeSpec chosen : choice) {
            volumes.removeIf(v -> DataDirectories.normalise(v.containerPath())
                .equals(DataDirectories.normalise(chosen.containerPath())));
            volumes.add(chosen);
        }
        return profile.withVolumes(volumes);
    }

    private static String describe(List<VolumeSpec> volumes) {
        if (volumes.isEmpty()) {
            return "the deployment's own (the image's VOLUMEs become anonymous volumes)";
        }
        return String.join(", ", volumes.stream().map(v -> switch (v.kind()) {
            case NAMED -> "volume " + (v.source() == null ? "(fresh)" : v.source()) + " at " + v.containerPath();
            case BIND -> "bind " + v.source() + " at " + v.containerPath();
            case NONE -> "nothing at " + v.containerPath();
        }).toList());
    }
}

package dev.vetbench.assessment;

import dev.vetbench.checks.CancellationToken;
import dev.vetbench.checks.Check;
import dev.vetbench.checks.CheckEvent;
import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.CheckRunner;
import dev.vetbench.checks.CheckTarget;
import dev.vetbench.checks.ErrorReason;
import dev.vetbench.checks.Evidence;
import dev.vetbench.checks.ImageCheck;
import dev.vetbench.checks.ImageTarget;
import dev.vetbench.checks.ProgressListener;
import dev.vetbench.docker.DockerConnection;
import dev.vetbench.docker.DockerException;
import dev.vetbench.docker.HostPort;
import dev.vetbench.docker.ImageRef;
import dev.vetbench.docker.RunningTarget;
import dev.vetbench.docker.TargetProfile;
import dev.vetbench.tls.StartTls;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs checks on image versions for an assessment: starts each version from a profile on the Docker host, runs the
 * checks on it, and records every result in the autosaving assessment the moment it is known, so a crash loses at
 * most the checks that were running.
 */
public final class AssessmentRunner {

    private static final Logger LOG = LoggerFactory.getLogger(AssessmentRunner.class);

    private final DockerConnection docker;
    private final int parallelism;
    private final Duration timeoutPerCheck;

    /** What an assessment run reports while it works; called from worker threads. */
    public interface Listener {

        /** A step of starting or stopping a target, e.g. "Starting container ...". */
        void step(String message);

        /** A result was recorded and saved to the assessment file. */
        void saved(String versionId, CheckResult result);

        /** Recording failed (disk full, folder gone); the run goes on and the result is lost. */
        void saveFailed(String versionId, CheckResult result, AssessmentFileException problem);
    }

    /**
     * @param docker the engine the image versions run on
     * @param parallelism how many endpoint checks run at once on one target
     * @param timeoutPerCheck the deadline of each check; image checks get the profile's start-up deadline on top
     */
    public AssessmentRunner(DockerConnection docker, int parallelism, Duration timeoutPerCheck) {
        this.docker = docker;
        this.parallelism = parallelism;
        this.timeoutPerCheck = timeoutPerCheck;
    }

    /**
     * Runs the checks on each image version and records the results; the scope of the assessment gains each
     * version (with the digest it resolved to) before its checks start. Endpoint checks (Heartbleed, downgrade)
     * share one container started from the profile; image checks (PROXY protocol, encryption at rest) start their
     * own, as they need the container's log or mounts.
     */
    public void run(AutosavingAssessment live, List<String> images, TargetProfile profile, List<Check> checks,
            Listener listener, CancellationToken cancel) throws AssessmentFileException {
        List<Check> endpointChecks = checks.stream().filter(check -> !(check instanceof ImageCheck)).toList();
        List<ImageCheck> imageChecks = checks.stream().filter(ImageCheck.class::isInstance)
            .map(ImageCheck.class::cast).toList();
        for (String image : images) {
            if (cancel.isCancelled()) {
                return;
            }
            ImageVersion version = inScope(live, ImageRef.parse(image), digestOrEmpty(image), profile);
            if (!endpointChecks.isEmpty()) {
                runOnEndpoint(live, version, image, profile, endpointChecks, listener, cancel);
            }
            for (ImageCheck check : imageChecks) {
                runImageCheck(live, version, image, profile, check, listener, cancel);
            }
        }
    }

    private void runOnEndpoint(AutosavingAssessment live, ImageVersion version, String image, TargetProfile profile,
            List<Check> checks, Listener listener, CancellationToken cancel) {
        dev.vetbench.docker.CancellationToken startCancel = new dev.vetbench.docker.CancellationToken();
        cancel.onCancel(startCancel::cancel);
        RunningTarget target;
        try {
            target = docker.launcher().start(image, profile, listener::step, startCancel);
        } catch (DockerException e) {
            LOG.info("{} did not start: {}", image, e.getMessage());
            notStarted(checks, image, e).forEach(result -> record(live, version.id(), result, listener));
            return;
        }
        try (target) {
            int port = profile.ports().isEmpty() ? 443 : profile.ports().get(0);
            HostPort endpoint = target.endpoint(port);
            CheckTarget checkTarget = new CheckTarget(endpoint.host(), endpoint.port(), startTls(profile),
                image + "@" + target.imageDigest() + " (port " + port + ")");
            new CheckRunner(parallelism, timeoutPerCheck).run(checks, List.of(checkTarget),
                recorder(live, version, listener), cancel);
            listener.step("Stopping " + target.name());
        }
    }

    private void runImageCheck(AutosavingAssessment live, ImageVersion version, String image, TargetProfile profile,
            ImageCheck check, Listener listener, CancellationToken cancel) {
        if (cancel.isCancelled()) {
            return;
        }
        listener.step("Running " + check.id() + " on " + image + " in its own container");
        ImageTarget target = new ImageTarget(docker, image, profile, List.of());
        new CheckRunner(1, profile.deadline().plus(timeoutPerCheck)).run(List.of(check.boundTo(target)),
            List.of(target.asCheckTarget()), recorder(live, version, listener), cancel);
    }

    private static ProgressListener recorder(AutosavingAssessment live, ImageVersion version, Listener listener) {
        return event -> {
            if (event instanceof CheckEvent.Finished finished) {
                record(live, version.id(), finished.result(), listener);
            }
        };
    }

    /** The StartTLS dialect of the profile's first port. */
    static StartTls startTls(TargetProfile profile) {
        // Limitation: profiles carry no StartTLS setting yet, so PostgreSQL is recognised by its port (5432) or a
        // profile name that mentions it.
        boolean postgres = profile.name().contains("postgres")
            || !profile.ports().isEmpty() && profile.ports().get(0) == 5432;
        return postgres ? StartTls.POSTGRES : StartTls.NONE;
    }

    private static ImageVersion inScope(AutosavingAssessment live, ImageRef reference, String digest,
            TargetProfile profile) throws AssessmentFileException {
        ImageVersion version = new ImageVersion(reference.name(), reference.tag(), digest);
        live.update(assessment -> {
            Scope scope = assessment.scope();
            List<ImageVersion> versions = new ArrayList<>(scope.versions());
            versions.removeIf(existing -> existing.id().equals(version.id()));
            versions.add(version);
            List<String> profiles = new ArrayList<>(scope.profiles());
            if (!profiles.contains(profile.name())) {
                profiles.add(profile.name());
            }
            return assessment.withScope(new Scope(scope.dockerHost(), versions, profiles), Instant.now());
        });
        return version;
    }

    private String digestOrEmpty(String image) {
        try {
            return docker.inspectImage(image).digest();
        } catch (DockerException e) {
            return "";
        }
    }

    /** One ERROR per check when the target never became ready, with the container's last log lines. */
    private static List<CheckResult> notStarted(List<Check> checks, String image, DockerException e) {
        ErrorReason reason = switch (e.reason()) {
            case TARGET_EXITED -> ErrorReason.TARGET_EXITED;
            case TARGET_NOT_READY -> ErrorReason.TARGET_NOT_READY;
            case CANCELLED -> ErrorReason.CANCELLED;
            case UNREACHABLE, NOT_DOCKER, TLS_FAILED -> ErrorReason.DOCKER_UNAVAILABLE;
            default -> ErrorReason.WRONG_USAGE;
        };
        Evidence.Builder evidence = Evidence.builder().fact("image", image).fact("failure", e.reason());
        e.logTail().forEach(line -> evidence.line("container log: " + line));
        Instant now = Instant.now();
        List<CheckResult> results = new ArrayList<>();
        for (Check check : checks) {
            results.add(new CheckResult(check.id(), image, dev.vetbench.checks.Verdict.ERROR, e.getMessage(),
                reason, evidence.build(), now, Duration.ZERO));
        }
        return results;
    }

    private static void record(AutosavingAssessment live, String versionId, CheckResult result, Listener listener) {
        try {
            live.record(versionId, result);
            listener.saved(versionId, result);
        } catch (AssessmentFileException e) {
            LOG.warn("Could not save the {} result of {}: {}", result.checkId(), versionId, e.getMessage());
            listener.saveFailed(versionId, result, e);
        }
    }
}

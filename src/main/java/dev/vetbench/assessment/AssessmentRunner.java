package dev.vetbench.assessment;

import dev.vetbench.checks.CancellationToken;
import dev.vetbench.checks.Check;
import dev.vetbench.checks.CheckEvent;
import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.CheckRunner;
import dev.vetbench.checks.CheckTarget;
import dev.vetbench.checks.ErrorReason;
import dev.vetbench.checks.Evidence;
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
    private final CheckRunner runner;

    /** What an assessment run reports while it works; called from worker threads. */
    public interface Listener {

        /** A step of starting or stopping a target, e.g. "Starting container ...". */
        void step(String message);

        /** A result was recorded and saved to the assessment file. */
        void saved(String versionId, CheckResult result);

        /** Recording failed (disk full, folder gone); the run goes on and the result is lost. */
        void saveFailed(String versionId, CheckResult result, AssessmentFileException problem);
    }

    public AssessmentRunner(DockerConnection docker, CheckRunner runner) {
        this.docker = docker;
        this.runner = runner;
    }

    /**
     * Starts each image with the profile, runs the checks on it and records the results; the scope of the
     * assessment gains each version (with the digest it resolved to) as it starts.
     */
    public void run(AutosavingAssessment live, List<String> images, TargetProfile profile, List<Check> checks,
            Listener listener, CancellationToken cancel) throws AssessmentFileException {
        for (String image : images) {
            if (cancel.isCancelled()) {
                return;
            }
            runOne(live, image, profile, checks, listener, cancel);
        }
    }

    private void runOne(AutosavingAssessment live, String image, TargetProfile profile, List<Check> checks,
            Listener listener, CancellationToken cancel) throws AssessmentFileException {
        ImageRef reference = ImageRef.parse(image);
        dev.vetbench.docker.CancellationToken startCancel = new dev.vetbench.docker.CancellationToken();
        cancel.onCancel(startCancel::cancel);
        RunningTarget target;
        try {
            target = docker.launcher().start(image, profile, listener::step, startCancel);
        } catch (DockerException e) {
            LOG.info("{} did not start: {}", image, e.getMessage());
            ImageVersion version = inScope(live, reference, digestOrEmpty(image), profile);
            recordAll(live, version.id(), notStarted(checks, image, e), listener);
            return;
        }
        try (target) {
            ImageVersion version = inScope(live, reference, target.imageDigest(), profile);
            // Limitation: the checks get the profile's first port as a host:port target; checks that need the
            // container itself (PROXY protocol logs, mounts) join once the registry offers them that way.
            int port = profile.ports().isEmpty() ? 443 : profile.ports().get(0);
            HostPort endpoint = target.endpoint(port);
            CheckTarget checkTarget = new CheckTarget(endpoint.host(), endpoint.port(), startTls(profile),
                image + "@" + target.imageDigest() + " (port " + port + ")");
            ProgressListener recorder = event -> {
                if (event instanceof CheckEvent.Finished finished) {
                    record(live, version.id(), finished.result(), listener);
                }
            };
            runner.run(checks, List.of(checkTarget), recorder, cancel);
            listener.step("Stopping " + target.name());
        }
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

    private static void recordAll(AutosavingAssessment live, String versionId, List<CheckResult> results,
            Listener listener) {
        results.forEach(result -> record(live, versionId, result, listener));
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

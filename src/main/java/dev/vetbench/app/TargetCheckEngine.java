package dev.vetbench.app;

import dev.vetbench.checks.CancellationToken;
import dev.vetbench.checks.Check;
import dev.vetbench.checks.CheckEvent;
import dev.vetbench.checks.CheckRegistry;
import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.CheckRunner;
import dev.vetbench.checks.CheckTarget;
import dev.vetbench.checks.ErrorReason;
import dev.vetbench.checks.Evidence;
import dev.vetbench.checks.ImageCheck;
import dev.vetbench.checks.ImageTarget;
import dev.vetbench.checks.Verdict;
import dev.vetbench.docker.DockerConnection;
import dev.vetbench.docker.DockerException;
import dev.vetbench.docker.HostPort;
import dev.vetbench.docker.RunningTarget;
import dev.vetbench.docker.TargetProfile;
import dev.vetbench.tls.StartTls;
import dev.vetbench.ui.checks.CheckEngine;
import dev.vetbench.ui.checks.CheckInfo;
import dev.vetbench.ui.versions.VersionRow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs one check on one image version for the Checks screen: the TLS checks get a target started from the
 * version's profile on the connected engine (shared with the other TLS check of that version while both run) and
 * probe its TLS port; the image checks (PROXY protocol, encryption at rest) start their own target from the same
 * profile. Every target is removed once no check uses it.
 */
final class TargetCheckEngine implements CheckEngine {

    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);
    // Long enough for the check to start its own target (the profiles allow 60 to 90 s) and then probe it.
    private static final Duration IMAGE_CHECK_TIMEOUT = Duration.ofSeconds(180);
    private static final ScheduledExecutorService WATCH = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "vetbench-cancel-watch");
        thread.setDaemon(true);
        return thread;
    });

    private final DockerEngineConnector engines;
    private final CheckRegistry registry;
    private final VersionProfileBook profiles;
    private final SharedTargets targets = new SharedTargets();

    TargetCheckEngine(DockerEngineConnector engines, CheckRegistry registry, VersionProfileBook profiles) {
        this.engines = engines;
        this.registry = registry;
        this.profiles = profiles;
    }

    @Override
    public List<CheckInfo> checks() {
        return registry.all().stream().map(check -> new CheckInfo(check.id(), check.title(), check.hipaaReference()))
            .toList();
    }

    @Override
    public CheckResult run(String checkId, VersionRow version, Consumer<String> log, BooleanSupplier cancelled) {
        Instant started = Instant.now();
        Check check = registry.find(checkId).orElseThrow(() -> new IllegalArgumentException("no check " + checkId));
        CancellationToken checkCancel = new CancellationToken();
        dev.vetbench.docker.CancellationToken dockerCancel = new dev.vetbench.docker.CancellationToken();
        ScheduledFuture<?> watch = WATCH.scheduleWithFixedDelay(() -> {
            if (cancelled.getAsBoolean()) {
                checkCancel.cancel();
                dockerCancel.cancel();
            }
        }, 100, 100, TimeUnit.MILLISECONDS);
        try {
            DockerConnection connection = engines.current().orElseThrow(() -> new DockerException(
                DockerException.Reason.UNREACHABLE, "Vetbench is not connected to a Docker engine.", null));
            // The profile the assessor saved for this version on the Checks screen, else the built-in one.
            TargetProfile profile = profiles.savedFor(version)
                .orElseGet(() -> VersionProfileBook.builtInFor(connection.inspectImage(version.reference())));
            if (check instanceof ImageCheck imageCheck) {
                // PROXY protocol and encryption at rest start their own container: they read its log and mounts.
                ImageTarget target = new ImageTarget(connection, version.reference(), profile, List.of());
                log.accept("running on " + version.reference() + " with profile " + profile.name());
                return new CheckRunner(1, IMAGE_CHECK_TIMEOUT).runOne(imageCheck.boundTo(target),
                    target.asCheckTarget(), event -> log.accept(describe(event)), checkCancel);
            }
            log.accept("starting " + version.reference() + " with profile " + profile.name());
            try (SharedTargets.Lease lease = targets.acquire(connection, version.reference(), profile, log,
                    dockerCancel)) {
                CheckTarget endpoint = endpoint(lease.target(), profile, version);
                log.accept("target ready, probing " + endpoint.address());
                return new CheckRunner(1, CHECK_TIMEOUT).runOne(check, endpoint, event -> log.accept(describe(event)),
                    checkCancel);
            }
        } catch (DockerException e) {
            return couldNotStart(checkId, version, e, started);
        } finally {
            watch.cancel(false);
        }
    }

    private static CheckTarget endpoint(RunningTarget target, TargetProfile profile, VersionRow version) {
        boolean database = profile.ports().contains(5432);
        HostPort port = target.endpoint(database ? 5432 : 443);
        return new CheckTarget(port.host(), port.port(), database ? StartTls.POSTGRES : StartTls.NONE,
            version.reference() + "@" + target.imageDigest());
    }

    private static String describe(CheckEvent event) {
        if (event instanceof CheckEvent.Progress progress) {
            return progress.message();
        }
        if (event instanceof CheckEvent.Finished finished) {
            return "check finished: " + finished.result().verdict();
        }
        return event.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static CheckResult couldNotStart(String checkId, VersionRow version, DockerException e, Instant start) {
        ErrorReason reason = switch (e.reason()) {
            case TARGET_EXITED -> ErrorReason.TARGET_EXITED;
            case TARGET_NOT_READY -> ErrorReason.TARGET_NOT_READY;
            case CANCELLED -> ErrorReason.CANCELLED;
            default -> ErrorReason.DOCKER_UNAVAILABLE;
        };
        Evidence.Builder evidence = Evidence.builder().fact("image", version.reference());
        e.logTail().forEach(evidence::line);
        return new CheckResult(checkId, version.reference(), Verdict.ERROR, e.getMessage(), reason, evidence.build(),
            start, Duration.between(start, Instant.now()));
    }
}

package dev.vetbench.checks;

import dev.vetbench.docker.CancellationToken;
import dev.vetbench.docker.DockerException;
import dev.vetbench.docker.HostPort;
import dev.vetbench.docker.RunningTarget;
import dev.vetbench.docker.TargetProfile;
import dev.vetbench.tls.StartTls;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Runs an endpoint check (Heartbleed, downgrade protection) on an image version: starts the image with the
 * profile, probes its TLS port on loopback, and removes the container again. The result names the image with the
 * digest it resolved to.
 */
public final class EndpointCheckOnImage implements ImageCheck {

    /** HTTPS first, then PostgreSQL (probed behind its SSLRequest preamble). */
    private static final List<Integer> TLS_PORTS = List.of(443, 8443, 5432);
    private static final int POSTGRES_PORT = 5432;

    private final Check endpointCheck;

    public EndpointCheckOnImage(Check endpointCheck) {
        this.endpointCheck = endpointCheck;
    }

    @Override
    public String id() {
        return endpointCheck.id();
    }

    @Override
    public String title() {
        return endpointCheck.title();
    }

    @Override
    public String hipaaReference() {
        return endpointCheck.hipaaReference();
    }

    @Override
    public CheckResult run(ImageTarget target, CheckContext context) {
        Instant started = Instant.now();
        TargetProfile profile = target.profile();
        Evidence.Builder evidence = Evidence.builder().fact("image", target.image()).fact("profile", profile.name());
        Optional<Integer> port = tlsPort(profile);
        if (port.isEmpty()) {
            return CheckResult.error(id(), target.asCheckTarget(), ErrorReason.WRONG_USAGE, "Profile "
                + profile.name() + " publishes no port to probe; add the TLS port (e.g. 443) to its ports.",
                evidence.build(), started);
        }

        CancellationToken cancel = new CancellationToken();
        context.cancellation().onCancel(cancel::cancel);
        try (RunningTarget running = target.docker().launcher().start(target.image(), profile, context::progress,
                cancel)) {
            HostPort endpoint = running.endpoint(port.get());
            StartTls startTls = port.get() == POSTGRES_PORT ? StartTls.POSTGRES : StartTls.NONE;
            CheckTarget probed = new CheckTarget(endpoint.host(), endpoint.port(), startTls, target.image() + "@"
                + running.imageDigest() + " (profile " + profile.name() + ")");
            evidence.fact("container", running.name()).fact("digest", running.imageDigest())
                .fact("container port", port.get());
            context.progress("probing " + probed.address() + " of " + running.name());
            return combined(endpointCheck.run(probed, context), evidence, started);
        } catch (DockerException e) {
            return DockerErrors.error(id(), target, e, evidence, started);
        }
    }

    private static Optional<Integer> tlsPort(TargetProfile profile) {
        return TLS_PORTS.stream().filter(profile.ports()::contains).findFirst()
            .or(() -> profile.ports().stream().findFirst());
    }

    /** The endpoint check's verdict with the container's facts in front, timed from the container's start. */
    private static CheckResult combined(CheckResult probe, Evidence.Builder evidence, Instant started) {
        evidence.addAll(probe.evidence());
        return new CheckResult(probe.checkId(), probe.target(), probe.verdict(), probe.summary(), probe.errorReason(),
            evidence.build(), started, Duration.between(started, Instant.now()), probe.findings());
    }
}

package dev.vetbench.checks.proxy;

import dev.vetbench.checks.CheckContext;
import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.DockerErrors;
import dev.vetbench.checks.Evidence;
import dev.vetbench.checks.ImageCheck;
import dev.vetbench.checks.ImageTarget;
import dev.vetbench.checks.Verdict;
import dev.vetbench.docker.CancellationToken;
import dev.vetbench.docker.DockerException;
import dev.vetbench.docker.RunningTarget;
import dev.vetbench.docker.TargetProfile;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PROXY protocol: behind a PROXY-protocol load balancer the service accepts v1 and v2 headers, serves the request,
 * and its access log records the original client address rather than the balancer's (HIPAA 164.312(b) audit
 * controls). Starts the image with the profile's PROXY-protocol switch on and removes it afterwards.
 */
public final class ProxyProtocolCheck implements ImageCheck {

    /** The registry id. */
    public static final String ID = "proxy-protocol";

    private static final Logger LOG = LoggerFactory.getLogger(ProxyProtocolCheck.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration LOG_TIMEOUT = Duration.ofSeconds(3);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "PROXY protocol";
    }

    @Override
    public String hipaaReference() {
        return "164.312(b)";
    }

    @Override
    public CheckResult run(ImageTarget target, CheckContext context) {
        Instant started = Instant.now();
        TargetProfile profile = target.profile();
        Evidence.Builder evidence = Evidence.builder().fact("image", target.image()).fact("profile", profile.name());
        if (profile.proxyProtocolSwitch() == null) {
            return CheckResult.conclusive(ID, target.asCheckTarget(), Verdict.NOT_APPLICABLE, "Profile "
                + profile.name() + " has no PROXY-protocol switch, so the image is not meant to sit behind a "
                + "PROXY-protocol balancer.", evidence.build(), started);
        }
        TargetProfile proxied = profile.withProxyProtocol();
        evidence.fact("PROXY-protocol switch", proxied.proxyProtocolSwitch().name() + "="
            + proxied.proxyProtocolSwitch().value());

        CancellationToken cancel = new CancellationToken();
        context.cancellation().onCancel(cancel::cancel);
        try (RunningTarget running = target.docker().launcher().start(target.image(), proxied,
                context::progress, cancel)) {
            evidence.fact("container", running.name()).fact("digest", running.imageDigest());
            ProxyProtocolReport report = new ProxyProtocolProbe(new DocumentationAddresses(),
                bounded(REQUEST_TIMEOUT, context), bounded(LOG_TIMEOUT, context))
                .probe(new RunningService(running, cancel), context::isCancelled, context::progress);
            return result(target, report, evidence, started);
        } catch (DockerException e) {
            LOG.info("PROXY protocol on {} could not run: {}", target.description(), e.getMessage());
            return DockerErrors.error(ID, target, e, evidence, started);
        }
    }

    private static CheckResult result(ImageTarget target, ProxyProtocolReport report, Evidence.Builder evidence,
            Instant started) {
        evidence.addAll(report.evidence());
        report.findings().forEach(finding -> evidence.line("finding: " + finding));
        CheckResult result = report.verdict() == Verdict.ERROR
            ? CheckResult.error(ID, target.asCheckTarget(), report.errorReason(), report.summary(), evidence.build(),
                started)
            : CheckResult.conclusive(ID, target.asCheckTarget(), report.verdict(), report.summary(),
                evidence.build(), started);
        LOG.info("PROXY protocol on {} {} in {} ms", target.description(), result.verdict(),
            result.duration().toMillis());
        return result.withFindings(report.findings());
    }

    private static Duration bounded(Duration wanted, CheckContext context) {
        Duration left = context.remaining();
        return left.compareTo(wanted) < 0 ? left.plusMillis(1) : wanted;
    }
}

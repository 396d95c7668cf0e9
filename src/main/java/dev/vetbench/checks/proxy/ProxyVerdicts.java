package dev.vetbench.checks.proxy;

import dev.vetbench.checks.ErrorReason;
import dev.vetbench.checks.Evidence;
import dev.vetbench.checks.Finding;
import dev.vetbench.checks.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns the requests the probe made into a verdict, findings and evidence. Pure: no network, no Docker. */
final class ProxyVerdicts {

    static final String NO_HEADER_SERVED = "proxy-port-serves-clients-without-header";
    static final String TRUSTED_FROM_ANY_SOURCE = "proxy-header-trusted-from-any-source";
    static final String ACCEPTED_FROM_ANY_SOURCE = "proxy-header-accepted-from-any-source";

    private static final int LOG_TAIL_LINES = 5;

    private ProxyVerdicts() {
    }

    static ProxyProtocolReport conclude(ProxiedService service, List<ProxyCase> cases) {
        List<ProxyCase> withHeader = cases.stream().filter(c -> c.header().isPresent()).toList();
        Evidence evidence = evidence(service, cases);
        List<Finding> findings = findings(cases);

        Optional<ProxyCase> unreachable = withHeader.stream()
            .filter(c -> c.outcome() instanceof RequestOutcome.Rejected r && r.unreachable()).findFirst();
        if (unreachable.isPresent() || withHeader.isEmpty()) {
            String why = unreachable.map(c -> c.outcome().describe()).orElse("the profile publishes no port");
            return new ProxyProtocolReport(Verdict.ERROR, "The PROXY-protocol check could not reach the service: "
                + why + ".", ErrorReason.CONNECTION_REFUSED, evidence, findings, cases);
        }

        Optional<ProxyCase> rejected = withHeader.stream().filter(c -> !c.outcome().served()).findFirst();
        if (rejected.isPresent()) {
            return fail(rejected.get().label() + " was not served (" + rejected.get().outcome().describe()
                + ")", evidence, findings, cases);
        }
        Optional<ProxyCase> misLogged = withHeader.stream().filter(c -> !c.recordsClientAddress()).findFirst();
        if (misLogged.isPresent()) {
            return fail(misLoggedSummary(misLogged.get()), evidence, findings, cases);
        }
        return new ProxyProtocolReport(Verdict.PASS, "All " + withHeader.size() + " requests behind PROXY v1 and "
            + "v2 headers (TCP4 and TCP6) were served and logged with the client address from the header.", null,
            evidence, findings, cases);
    }

    private static String misLoggedSummary(ProxyCase misLogged) {
        String header = misLogged.header().orElseThrow().source().text();
        if (misLogged.logLine().isEmpty()) {
            return misLogged.label() + " was served but no log line with its path appeared, so the client address "
                + header + " was not recorded";
        }
        return misLogged.label() + " was logged with " + misLogged.logLine().get().shownAddressText()
            + ", not the client address " + header + " from the header";
    }

    private static ProxyProtocolReport fail(String why, Evidence evidence, List<Finding> findings,
            List<ProxyCase> cases) {
        return new ProxyProtocolReport(Verdict.FAIL, "Behind a PROXY-protocol balancer the audit log loses the "
            + "client address: " + why + ".", null, evidence, findings, cases);
    }

    private static List<Finding> findings(List<ProxyCase> cases) {
        List<Finding> findings = new ArrayList<>();
        cases.stream().filter(c -> c.header().isEmpty() && c.outcome().served()).forEach(c -> findings.add(
            new Finding(NO_HEADER_SERVED, Finding.Severity.MEDIUM, "Port " + c.port() + " also serves clients that "
                + "send no PROXY header (" + c.outcome().describe() + "), so clients that bypass the balancer "
                + "are served too.")));

        // We connect straight from the assessor's machine, not from a configured balancer: a service that
        // believes our header would believe anyone's (HAProxy spec section 2: receivers must only accept
        // headers from known proxies).
        // Limitation: the check can only speak from where it runs; a service correctly configured to believe only
        // its real balancer (e.g. PROXY_TRUSTED_SOURCES) will not log our header's address and so FAILs; the
        // profile must then list the Docker host's bridge gateway as a trusted source for the check.
        List<ProxyCase> served = cases.stream().filter(c -> c.header().isPresent() && c.outcome().served()).toList();
        Optional<ProxyCase> believed = served.stream().filter(ProxyCase::recordsClientAddress).findFirst();
        if (believed.isPresent()) {
            findings.add(new Finding(TRUSTED_FROM_ANY_SOURCE, Finding.Severity.HIGH, "The service believes PROXY "
                + "headers from any source: a header sent straight to port " + believed.get().port()
                + " made it log the forged address " + believed.get().header().orElseThrow().source().text()
                + "; anyone who can reach the port can forge their logged address."));
        } else if (!served.isEmpty()) {
            findings.add(new Finding(ACCEPTED_FROM_ANY_SOURCE, Finding.Severity.LOW, "The service accepts PROXY "
                + "headers from any source (a header sent straight to port " + served.get(0).port()
                + " was served), though it does not log the address they carry."));
        }
        return findings;
    }

    private static Evidence evidence(ProxiedService service, List<ProxyCase> cases) {
        Evidence.Builder evidence = Evidence.builder().fact("service", service.description());
        service.ports().forEach((port, endpoint) -> evidence.fact("port " + port, endpoint.getHostString() + ":"
            + endpoint.getPort()));
        cases.forEach(c -> evidence.line(c.describe()));
        if (cases.stream().anyMatch(c -> c.header().isPresent() && !c.outcome().served())) {
            evidence.line("last log lines:");
            service.recentLog(LOG_TAIL_LINES).forEach(line -> evidence.line("  " + line));
        }
        cases.stream().filter(c -> c.header().isPresent()).findFirst().flatMap(ProxyCase::logLine)
            .ifPresent(line -> evidence.fact("address shown in the log", line.shownAddressText()));
        return evidence.build();
    }
}

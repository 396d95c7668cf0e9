package dev.vetbench.checks.proxy;

import dev.vetbench.checks.ErrorReason;
import dev.vetbench.checks.Evidence;
import dev.vetbench.checks.Finding;
import dev.vetbench.checks.Verdict;
import dev.vetbench.checks.proxy.ProxyHeader.ProxiedAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends PROXY v1 and v2 headers (TCP4 and TCP6, documentation addresses) to every port of a service, completes a
 * request after each, and reads the service's log to see which client address it recorded. Also sends one request
 * per port without a header.
 *
 * <p>PASS when every request with a header was served and its log line records the header's address; FAIL when a
 * header was rejected, or the request was served but logged with another address (or not logged); ERROR when a
 * port could not be reached at all.
 */
public final class ProxyProtocolProbe {

    /** Ports that speak HTTPS by convention; any other port is tried as plain HTTP first. */
    static final Set<Integer> TLS_PORTS = Set.of(443, 4443, 8443, 9443);

    private static final Logger LOG = LoggerFactory.getLogger(ProxyProtocolProbe.class);

    private final DocumentationAddresses addresses;
    private final Duration requestTimeout;
    private final Duration logTimeout;
    private final String runId;

    /**
     * @param addresses where the header addresses come from (random per run)
     * @param requestTimeout bound for each connect and read
     * @param logTimeout how long to wait for a served request's log line
     */
    public ProxyProtocolProbe(DocumentationAddresses addresses, Duration requestTimeout, Duration logTimeout) {
        this.addresses = addresses;
        this.requestTimeout = requestTimeout;
        this.logTimeout = logTimeout;
        byte[] id = new byte[8];
        new SecureRandom().nextBytes(id);
        this.runId = HexFormat.of().formatHex(id);
    }

    /**
     * Probes every port of the service.
     *
     * @param cancelled polled between requests
     * @param progress hears one line per request
     */
    public ProxyProtocolReport probe(ProxiedService service, BooleanSupplier cancelled, Consumer<String> progress) {
        List<ProxyCase> cases = new ArrayList<>();
        for (Map.Entry<Integer, InetSocketAddress> port : service.ports().entrySet()) {
            boolean tls = schemeOf(port.getKey(), port.getValue());
            for (ProxyHeader.Version version : ProxyHeader.Version.values()) {
                for (boolean ipv6 : new boolean[] {false, true}) {
                    if (cancelled.getAsBoolean()) {
                        return cancelledReport(cases);
                    }
                    ProxyHeader header = header(version, ipv6, port.getKey());
                    cases.add(request(service, port, tls, Optional.of(header), progress));
                }
            }
            cases.add(request(service, port, tls, Optional.empty(), progress));
        }
        return ProxyVerdicts.conclude(service, cases);
    }

    private ProxyCase request(ProxiedService service, Map.Entry<Integer, InetSocketAddress> port, boolean tls,
            Optional<ProxyHeader> header, Consumer<String> progress) {
        String path = "/vetbench-proxy-" + runId + "-" + port.getKey() + "-"
            + header.map(h -> h.version().name().toLowerCase() + "-" + h.family().toLowerCase()).orElse("none");
        RequestOutcome outcome = new ProxiedRequest(port.getValue(), tls, requestTimeout).send(header, path);
        Optional<AccessLogLine> line = service.awaitLogLine(path, outcome.served() ? logTimeout : shortWait())
            .map(logged -> AccessLogLine.of(logged, path));
        ProxyCase done = new ProxyCase(port.getKey(), tls, header, path, outcome, line);
        LOG.debug("PROXY protocol {}", done.describe());
        progress.accept(done.label() + ": " + outcome.describe());
        return done;
    }

    private ProxyHeader header(ProxyHeader.Version version, boolean ipv6, int port) {
        ProxiedAddress client = addresses.client(ipv6);
        ProxiedAddress balancer = addresses.balancer(ipv6, port);
        while (balancer.address().equals(client.address())) {
            balancer = addresses.balancer(ipv6, port);
        }
        return new ProxyHeader(version, client, balancer);
    }

    // Limitation: HTTPS or HTTP is chosen by port convention (443, 4443, 8443, 9443), corrected by one trial
    // request; a port that speaks neither is reported as not serving.
    // HTTPS by port convention; a conventional TLS port that answers the handshake with plain text (or the other
    // way round) is caught by trying the handshake with a v1 header once.
    private boolean schemeOf(int port, InetSocketAddress endpoint) {
        boolean guess = TLS_PORTS.contains(port);
        ProxyHeader header = header(ProxyHeader.Version.V1, false, port);
        RequestOutcome outcome = new ProxiedRequest(endpoint, guess, requestTimeout)
            .send(Optional.of(header), "/vetbench-proxy-" + runId + "-scheme-" + port);
        if (outcome instanceof RequestOutcome.Rejected rejected && rejected.reason().startsWith("TLS handshake")
            && guess) {
            return false;
        }
        if (!guess && outcome instanceof RequestOutcome.Rejected rejected
            && rejected.reason().contains("not HTTP")) {
            return true;
        }
        return guess;
    }

    private Duration shortWait() {
        // A rejected request usually leaves no access-log line; a short look still catches servers that log a 400.
        return logTimeout.compareTo(Duration.ofMillis(500)) < 0 ? logTimeout : Duration.ofMillis(500);
    }

    private static ProxyProtocolReport cancelledReport(List<ProxyCase> cases) {
        Evidence.Builder evidence = Evidence.builder();
        cases.forEach(c -> evidence.line(c.describe()));
        return new ProxyProtocolReport(Verdict.ERROR, "The PROXY-protocol check was cancelled.",
            ErrorReason.CANCELLED, evidence.build(), List.<Finding>of(), cases);
    }
}

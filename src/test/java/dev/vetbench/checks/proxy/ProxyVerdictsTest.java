package dev.vetbench.checks.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.checks.ErrorReason;
import dev.vetbench.checks.Finding;
import dev.vetbench.checks.Verdict;
import dev.vetbench.checks.proxy.ProxyHeader.ProxiedAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How requests, answers and log lines become a verdict and findings; no network involved. */
class ProxyVerdictsTest {

    private static final Duration FAST = Duration.ofMillis(3);

    /** A service description with a fixed log, standing in for a container in these pure tests. */
    private record RecordedService(List<String> log) implements ProxiedService {
        @Override
        public String description() {
            return "recorded service";
        }

        @Override
        public Map<Integer, InetSocketAddress> ports() {
            return Map.of(443, new InetSocketAddress("127.0.0.1", 32_768));
        }

        @Override
        public Optional<String> awaitLogLine(String needle, Duration timeout) {
            return log.stream().filter(line -> line.contains(needle)).findFirst();
        }

        @Override
        public List<String> recentLog(int lines) {
            return log.subList(Math.max(0, log.size() - lines), log.size());
        }
    }

    private static ProxyHeader header(String client) throws Exception {
        return new ProxyHeader(ProxyHeader.Version.V1, new ProxiedAddress(InetAddress.getByName(client), 50_000),
            new ProxiedAddress(InetAddress.getByName(client.contains(":") ? "2001:db8::1" : "198.51.100.1"), 443));
    }

    private static ProxyCase served(String client, String loggedAs) throws Exception {
        // The path must not carry the address itself, or the line would "record" it through the request.
        String path = "/p-" + Integer.toHexString(client.hashCode());
        String line = loggedAs + " - - [03/Dec/2026:19:00:00 +0000] \"GET " + path + " HTTP/1.1\" 200 12";
        return new ProxyCase(443, true, Optional.of(header(client)), path,
            new RequestOutcome.Served("HTTP/1.1 200 OK", FAST), Optional.of(AccessLogLine.of(line)));
    }

    private static ProxyCase noHeader(RequestOutcome outcome) {
        return new ProxyCase(443, true, Optional.empty(), "/p-none", outcome, Optional.empty());
    }

    private static ProxyProtocolReport conclude(ProxyCase... cases) {
        return ProxyVerdicts.conclude(new RecordedService(new ArrayList<>(List.of("nginx: broken header"))),
            List.of(cases));
    }

    @Test
    void everyHeaderAddressLoggedPassesAndReportsThatAnySourceIsTrusted() throws Exception {
        ProxyProtocolReport report = conclude(served("192.0.2.9", "192.0.2.9"),
            noHeader(new RequestOutcome.Rejected("connection closed before any response", false, FAST)));

        assertThat(report.verdict()).isEqualTo(Verdict.PASS);
        assertThat(report.findings()).extracting(Finding::id).containsExactly(ProxyVerdicts.TRUSTED_FROM_ANY_SOURCE);
        assertThat(report.findings().get(0).severity()).isEqualTo(Finding.Severity.HIGH);
    }

    @Test
    void balancerAddressInTheLogFailsAndNamesIt() throws Exception {
        ProxyProtocolReport report = conclude(served("192.0.2.9", "172.17.0.1"));

        assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(report.summary()).contains("logged with 172.17.0.1, not the client address 192.0.2.9");
        assertThat(report.evidence().facts()).containsEntry("address shown in the log", "172.17.0.1");
        assertThat(report.findings()).extracting(Finding::id).containsExactly(ProxyVerdicts.ACCEPTED_FROM_ANY_SOURCE);
    }

    @Test
    void rejectedHeaderFailsAndKeepsTheServersComplaint() throws Exception {
        ProxyCase rejected = new ProxyCase(443, true, Optional.of(header("192.0.2.9")), "/p",
            new RequestOutcome.Rejected("TLS handshake failed (Remote host terminated the handshake)", false, FAST),
            Optional.empty());

        ProxyProtocolReport report = conclude(rejected);

        assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(report.summary()).contains("was not served", "TLS handshake failed");
        assertThat(report.evidence().transcript()).contains("  nginx: broken header");
    }

    @Test
    void servedButNeverLoggedFails() throws Exception {
        ProxyCase unlogged = new ProxyCase(443, true, Optional.of(header("2001:db8::5")), "/p",
            new RequestOutcome.Served("HTTP/1.1 200 OK", FAST), Optional.empty());

        ProxyProtocolReport report = conclude(unlogged);

        assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(report.summary()).contains("no log line with its path appeared");
    }

    @Test
    void portServingClientsWithoutAHeaderIsAMediumFinding() throws Exception {
        ProxyProtocolReport report = conclude(served("192.0.2.9", "192.0.2.9"),
            noHeader(new RequestOutcome.Served("HTTP/1.1 200 OK", FAST)));

        assertThat(report.verdict()).isEqualTo(Verdict.PASS);
        assertThat(report.findings()).filteredOn(f -> f.id().equals(ProxyVerdicts.NO_HEADER_SERVED))
            .singleElement().extracting(Finding::severity).isEqualTo(Finding.Severity.MEDIUM);
    }

    @Test
    void unreachablePortIsAnErrorNeverAPass() throws Exception {
        ProxyCase refused = new ProxyCase(443, true, Optional.of(header("192.0.2.9")), "/p",
            new RequestOutcome.Rejected("connection refused by 127.0.0.1:32768", true, FAST), Optional.empty());

        ProxyProtocolReport report = conclude(served("192.0.2.10", "192.0.2.10"), refused);

        assertThat(report.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(report.errorReason()).isEqualTo(ErrorReason.CONNECTION_REFUSED);
    }

    @Test
    void requestToAClosedPortIsRefusedNotRejected() {
        RequestOutcome outcome = new ProxiedRequest(new InetSocketAddress("127.0.0.1", 1), false,
            Duration.ofSeconds(2)).send(Optional.empty(), "/x");

        assertThat(outcome).isInstanceOfSatisfying(RequestOutcome.Rejected.class,
            rejected -> assertThat(rejected.unreachable()).isTrue());
    }
}

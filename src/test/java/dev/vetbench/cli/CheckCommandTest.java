package dev.vetbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vetbench.tls.GnutlsServer;
import dev.vetbench.tls.fixtures.BcTlsServerFixture;
import dev.vetbench.tls.fixtures.BcTlsServerFixture.ScsvBehaviour;
import dev.vetbench.tls.fixtures.HostileServer;
import dev.vetbench.tls.fixtures.VulnerableHeartbeatServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code vetbench check}: output and exit codes 0 PASS or N/A, 1 FAIL, 2 ERROR, against real servers. */
class CheckCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void vulnerableServerExitsOneAndTheJsonHoldsTheLeakDigestOnly() throws Exception {
        try (VulnerableHeartbeatServer server = VulnerableHeartbeatServer.start()) {
            int exit = run("check", "heartbleed", "127.0.0.1:" + server.port(), "--json");

            assertThat(exit).isEqualTo(1);
            JsonNode json = new ObjectMapper().readTree(out.toString());
            assertThat(json.get("verdict").asText()).isEqualTo("FAIL");
            assertThat(json.get("facts").get("before handshake leaked SHA-256").asText()).hasSize(64);
            assertThat(out.toString()).doesNotContain("Testcase").doesNotContain("078-05");
        }
    }

    @Test
    void serverIgnoringTheScsvExitsOneAndHonouringItExitsZero() throws Exception {
        try (BcTlsServerFixture ignoring = BcTlsServerFixture.start(ScsvBehaviour.IGNORE);
             BcTlsServerFixture honouring = BcTlsServerFixture.start(ScsvBehaviour.HONOUR)) {
            assertThat(run("check", "fallback-scsv", "127.0.0.1:" + ignoring.port())).isEqualTo(1);
            assertThat(out.toString()).contains(": FAIL in");

            assertThat(run("check", "fallback-scsv", "127.0.0.1:" + honouring.port())).isEqualTo(0);
            assertThat(out.toString()).contains(": PASS in");
        }
    }

    @Test
    void oneVersionServerIsNotApplicableAndExitsZero() throws Exception {
        try (BcTlsServerFixture server = BcTlsServerFixture.start(ScsvBehaviour.IGNORE,
            org.bouncycastle.tls.ProtocolVersion.TLSv12)) {
            assertThat(run("check", "fallback-scsv", "127.0.0.1:" + server.port())).isEqualTo(0);
            assertThat(out.toString()).contains("NOT_APPLICABLE");
        }
    }

    @Test
    void closedPortAndTimeoutExitTwo() throws Exception {
        assertThat(run("check", "heartbleed", "127.0.0.1:" + GnutlsServer.freePort())).isEqualTo(2);
        assertThat(out.toString()).contains("ERROR (connection refused)");

        try (HostileServer silent = HostileServer.start(HostileServer.Behaviour.SILENT)) {
            assertThat(run("check", "heartbleed", "127.0.0.1:" + silent.port(), "--timeout", "1")).isEqualTo(2);
            assertThat(out.toString()).contains("ERROR (timed out)");
        }
    }

    @Test
    void postgresPreambleIsChosenWithStarttls() throws Exception {
        try (HostileServer http = HostileServer.start(HostileServer.Behaviour.PLAIN_HTTP)) {
            int exit = run("check", "heartbleed", "127.0.0.1:" + http.port(), "--starttls", "postgres", "--json");

            assertThat(exit).isEqualTo(2);
            assertThat(new ObjectMapper().readTree(out.toString()).get("facts").get("starttls").asText())
                .isEqualTo("postgres");
        }
    }

    @Test
    void badInputExitsTwoWithOneSentence() {
        assertThat(run("check", "nope", "127.0.0.1:443")).isEqualTo(2);
        assertThat(err.toString()).contains("there is no check called 'nope'");

        assertThat(run("check", "heartbleed", "localhost")).isEqualTo(2);
        assertThat(err.toString()).contains("is not HOST:PORT");

        assertThat(run("check", "heartbleed", "127.0.0.1:443", "--starttls", "smtp")).isEqualTo(2);
        assertThat(err.toString()).contains("--starttls must be none or postgres");
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine commandLine = new CommandLine(new VetbenchCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}

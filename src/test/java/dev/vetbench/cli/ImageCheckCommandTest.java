package dev.vetbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vetbench.checks.EngineLeftovers;
import dev.vetbench.testbed.TestBed;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code vetbench check proxy-protocol|volume-encryption --image --profile}: exit 0 PASS/N/A, 1 FAIL, 2 ERROR. */
class ImageCheckCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void requireDocker() {
        TestBed.requireDocker();
    }

    @Test
    void flawedFrontEndFailsProxyProtocolWithExitOneAndShowsTheFinding() {
        int exit = run("check", "proxy-protocol", "--image", TestBed.FRONTEND_FLAWED, "--profile",
            "nginx-tls-frontend");

        assertThat(exit).as(out + "\n" + err).isEqualTo(1);
        assertThat(out.toString()).contains("PROXY protocol on " + TestBed.FRONTEND_FLAWED, ": FAIL in",
            "Findings:", "proxy-header-accepted-from-any-source");
        assertThat(EngineLeftovers.containersOfProfile("nginx-tls-frontend")).isEmpty();
    }

    @Test
    void fixedFrontEndPassesProxyProtocolWithExitZeroAndJsonCarriesTheFindings() throws Exception {
        int exit = run("check", "proxy-protocol", "--image", TestBed.FRONTEND_FIXED, "--profile",
            "nginx-tls-frontend", "--json");

        assertThat(exit).as(out + "\n" + err).isEqualTo(0);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("verdict").asText()).isEqualTo("PASS");
        assertThat(json.get("findings").get(0).get("id").asText()).isEqualTo("proxy-header-trusted-from-any-source");
        assertThat(json.get("findings").get(0).get("severity").asText()).isEqualTo("HIGH");
    }

    @Test
    void databaseWithoutVolumeFailsEncryptionAtRestWithExitOne() {
        int exit = run("check", "volume-encryption", "--image", TestBed.RECORDS_DB_NO_VOLUME, "--profile",
            "postgres-database");

        assertThat(exit).as(out + "\n" + err).isEqualTo(1);
        assertThat(out.toString()).contains("Encryption at rest on " + TestBed.RECORDS_DB_NO_VOLUME,
            "/var/db is not a mount");
    }

    @Test
    void missingVolumePathIsAnErrorWithExitTwo() {
        int exit = run("check", "volume-encryption", "--image", TestBed.RECORDS_DB_VOLUME, "--profile",
            "postgres-database", "--volume", "bind:/nonexistent/vetbench-cli-test:/var/db");

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).contains("ERROR");
    }

    @Test
    void wrongUsageSaysWhatToGiveAndExitsTwo() {
        assertThat(run("check", "proxy-protocol", "127.0.0.1:443")).isEqualTo(2);
        assertThat(err.toString()).contains("give --image REPO:TAG and --profile NAME");

        assertThat(run("check", "volume-encryption", "--image", TestBed.RECORDS_DB_VOLUME, "--profile",
            "no-such-profile")).isEqualTo(2);
        assertThat(err.toString()).contains("there is no profile called 'no-such-profile'", "postgres-database");

        assertThat(run("check", "volume-encryption", "--image", TestBed.RECORDS_DB_VOLUME, "--profile",
            "postgres-database", "--volume", "tape:/var/db")).isEqualTo(2);
        assertThat(err.toString()).contains("is not understood");

        assertThat(run("check", "heartbleed")).isEqualTo(2);
        assertThat(err.toString()).contains("needs HOST:PORT");
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

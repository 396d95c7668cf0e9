package dev.vetbench.checks.heartbleed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.vetbench.checks.CheckContext;
import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.CheckTarget;
import dev.vetbench.checks.Verdict;
import dev.vetbench.tls.HeartbeatProbe;
import dev.vetbench.tls.StartTls;
import dev.vetbench.tls.fixtures.BcTlsServerFixture;
import dev.vetbench.tls.fixtures.VulnerableHeartbeatServer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Heartbleed against the deliberately vulnerable test fixture whose "memory" holds a fake patient record. */
class HeartbleedAgainstVulnerableFixtureTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void vulnerableServerLeaksMoreThanItWasSent() throws Exception {
        try (VulnerableHeartbeatServer server = VulnerableHeartbeatServer.start()) {
            CheckResult result = run(new HeartbleedCheck(), server.port());

            assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(result.evidence().facts())
                .containsEntry("before handshake leaked bytes", String.valueOf(HeartbeatProbe.CLAIMED_PAYLOAD_LENGTH))
                .containsEntry("before handshake leaked SHA-256", expectedDigest())
                .containsEntry("before handshake heartbeat negotiated", "yes")
                .doesNotContainKey("before handshake leaked excerpt (masked)");
            assertThat(result.summary()).contains("16365 bytes of its memory");
        }
    }

    @Test
    void reportOfALeakHoldsNoByteOfThePatientRecord() throws Exception {
        try (VulnerableHeartbeatServer server = VulnerableHeartbeatServer.start()) {
            CheckResult plain = run(new HeartbleedCheck(), server.port());
            CheckResult masked = run(new HeartbleedCheck(new HeartbleedCheck.Options(Duration.ofSeconds(2), true)),
                server.port());

            for (CheckResult result : new CheckResult[] {plain, masked}) {
                assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
                assertHoldsNoPieceOfTheRecord(result.toString());
                assertHoldsNoPieceOfTheRecord(JSON.writeValueAsString(result));
            }
            assertThat(masked.evidence().facts().get("before handshake leaked excerpt (masked)"))
                .hasSize(64).matches("[a9.]+");
        }
    }

    @Test
    void serverThatLeaksOnlyAfterTheHandshakeFailsOnTheEncryptedProbe() throws Exception {
        try (BcTlsServerFixture server = BcTlsServerFixture.startBleedingAfterHandshake()) {
            CheckResult result = run(new HeartbleedCheck(), server.port());

            assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(result.evidence().facts())
                .containsEntry("before handshake server reaction", "alert unexpected_message(10)")
                .containsEntry("decided by", "after the handshake")
                .containsEntry("after handshake leaked bytes", String.valueOf(HeartbeatProbe.CLAIMED_PAYLOAD_LENGTH))
                .containsEntry("after handshake leaked SHA-256", expectedDigest());
            assertHoldsNoPieceOfTheRecord(result.toString());
            assertHoldsNoPieceOfTheRecord(JSON.writeValueAsString(result));
        }
    }

    private static CheckResult run(HeartbleedCheck check, int port) {
        CheckTarget target = CheckTarget.of("127.0.0.1", port, StartTls.NONE);
        return check.run(target, CheckContext.standalone(check, target, Duration.ofSeconds(10)));
    }

    /** No run of 6 consecutive characters of the patient record (the record repeats) may appear anywhere. */
    private static void assertHoldsNoPieceOfTheRecord(String report) {
        String record = VulnerableHeartbeatServer.PATIENT_RECORD.repeat(2);
        for (int start = 0; start < VulnerableHeartbeatServer.PATIENT_RECORD.length(); start++) {
            String piece = record.substring(start, start + 6);
            assertThat(report).as("report must not contain %s", piece).doesNotContain(piece);
        }
    }

    private static String expectedDigest() throws Exception {
        byte[] record = VulnerableHeartbeatServer.PATIENT_RECORD.getBytes(StandardCharsets.US_ASCII);
        byte[] leaked = new byte[HeartbeatProbe.CLAIMED_PAYLOAD_LENGTH];
        for (int i = 0; i < leaked.length; i++) {
            leaked[i] = record[i % record.length];
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(leaked));
    }
}

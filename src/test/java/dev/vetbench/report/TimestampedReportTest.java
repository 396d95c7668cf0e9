package dev.vetbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vetbench.assessment.SampleAssessments;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RFC 3161 time-stamps from a local TSA test fixture, on both the PDF and the JSON signature. */
class TimestampedReportTest {

    @TempDir
    Path dir;

    @Test
    void signaturesCarryAValidTimestampWhenATsaIsConfigured() throws Exception {
        SigningIdentity identity = AssessorIdentities.createSelfSigned(dir.resolve("a.p12"), "Dana Whitfield",
            "St. Elsewhere", "", "pw-123456".toCharArray(), AssessorIdentities.KeyType.EC_P256, Duration.ofDays(9));
        try (LocalTimestampAuthority tsa = LocalTimestampAuthority.start()) {
            Instant before = Instant.now().minusSeconds(1);

            ReportFiles files = new ReportWriter("vetbench test", Optional.of(identity),
                Optional.of(new TimestampClient(tsa.url(), Duration.ofSeconds(10))))
                .write(SampleAssessments.twoVersionsFourChecks(), dir.resolve("report.pdf"), Instant.now());

            assertThat(tsa.requests.get()).isEqualTo(2);
            Verification pdf = ReportVerifier.verify(files.pdf());
            Verification json = ReportVerifier.verify(files.json());
            assertThat(pdf.valid()).as(pdf.checks().toString()).isTrue();
            assertThat(json.valid()).as(json.checks().toString()).isTrue();
            assertThat(pdf.checks()).extracting(Verification.Step::what)
                .contains("the time-stamp token is valid and covers this signature");
            assertThat(pdf.timestamp().orElseThrow()).isAfter(before);
            assertThat(json.timestamp()).isPresent();
            assertThat(ExternalTool.run(dir, "pdfsig", files.pdf().toString()).output())
                .contains("Signature Validation: Signature is Valid.");
        }
    }

    @Test
    void unreachableTsaFailsWithOneSentenceAndWritesNothing() throws Exception {
        SigningIdentity identity = AssessorIdentities.createSelfSigned(dir.resolve("a.p12"), "Dana Whitfield",
            "", "", "pw-123456".toCharArray(), AssessorIdentities.KeyType.EC_P256, Duration.ofDays(9));
        Path out = Files.createDirectories(dir.resolve("out"));
        URI nowhere = URI.create("http://127.0.0.1:9/tsa");

        assertThatThrownBy(() -> new ReportWriter("t", Optional.of(identity),
            Optional.of(new TimestampClient(nowhere, Duration.ofSeconds(2))))
            .write(SampleAssessments.twoVersionsFourChecks(), out.resolve("report.pdf"), Instant.now()))
            .isInstanceOf(ReportException.class)
            .hasMessage("No timestamp could be obtained from " + nowhere + "; check the URL and the network, or "
                + "sign without a timestamp.");
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left).isEmpty();
        }
    }
}

package dev.vetbench.report;

import dev.vetbench.assessment.SampleAssessments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

public final class ScratchSign {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("a.p12"));
        SigningIdentity id = AssessorIdentities.createSelfSigned(dir.resolve("a.p12"), "Dana Whitfield",
            "St. Elsewhere Health System", "Information security officer", "pw".toCharArray(),
            AssessorIdentities.KeyType.valueOf(args[1]), Duration.ofDays(365));
        AssessorIdentities.writeCertificatePem(id.certificate(), dir.resolve("cert.pem"));
        ReportFiles files = new ReportWriter("vetbench test", Optional.of(id), Optional.empty())
            .write(SampleAssessments.twoVersionsFourChecks(), dir.resolve("report.pdf"), Instant.now());
        System.out.println(files);
        System.out.println(ReportVerifier.verify(files.pdf()));
        System.out.println(ReportVerifier.verify(files.json()));
    }
}

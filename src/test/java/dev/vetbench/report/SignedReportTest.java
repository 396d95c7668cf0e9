package dev.vetbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vetbench.assessment.SampleAssessments;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signed report of two image versions x four checks, checked with the verifiers people use: poppler's pdfsig,
 * openssl cms, pdftoppm for the rendered matrix, and Vetbench's own {@link ReportVerifier}.
 */
class SignedReportTest {

    private static final char[] PASSWORD = "correct-horse-9f3a71-battery".toCharArray();

    @TempDir
    static Path dir;

    static SigningIdentity identity;
    static ReportFiles files;
    static RenderedReport rendered;

    @BeforeAll
    static void writeSignedReport() throws Exception {
        identity = AssessorIdentities.createSelfSigned(dir.resolve("assessor.p12"), "Dana Whitfield",
            "St. Elsewhere Health System", "Information security officer", PASSWORD.clone(),
            AssessorIdentities.KeyType.EC_P256, Duration.ofDays(365));
        AssessorIdentities.writeCertificatePem(identity.certificate(), dir.resolve("assessor.pem"));
        SigningIdentity reopened = SigningIdentity.load(dir.resolve("assessor.p12"), PASSWORD.clone());
        files = new ReportWriter("vetbench test", Optional.of(reopened), Optional.empty())
            .write(SampleAssessments.twoVersionsFourChecks(), dir.resolve("report.pdf"), Instant.now());
        ReportDocument document = ReportDocument.of(SampleAssessments.twoVersionsFourChecks(), Instant.now(), "t");
        rendered = PdfReportWriter.render(SampleAssessments.twoVersionsFourChecks(), document, document.toJson(),
            Optional.of(identity.describe()));
    }

    @Test
    void pdfsigReportsTheWholeDocumentValidlySigned() throws Exception {
        ExternalTool pdfsig = ExternalTool.run(dir, "pdfsig", files.pdf().toString());

        assertThat(pdfsig.output())
            .contains("Signature Type: ETSI.CAdES.detached")
            .contains("Signer Certificate Common Name: Dana Whitfield")
            .contains("Total document signed")
            .contains("Signature Validation: Signature is Valid.");
    }

    @Test
    void opensslAcceptsTheJsonSignature() throws Exception {
        ExternalTool openssl = ExternalTool.run(dir, "openssl", "cms", "-verify", "-binary", "-inform", "DER",
            "-content", "report.json", "-in", "report.json.p7s", "-CAfile", "assessor.pem", "-purpose", "any",
            "-out", "/dev/null");

        assertThat(openssl.exitCode()).as(openssl.output()).isZero();
        assertThat(openssl.output()).contains("Verification successful");
    }

    @Test
    void ownVerifierNamesSignerTimeAndConfirmsTheEmbeddedJson() throws Exception {
        Verification pdf = ReportVerifier.verify(files.pdf());
        Verification json = ReportVerifier.verify(files.json());

        assertThat(pdf.valid()).as(pdf.checks().toString()).isTrue();
        assertThat(pdf.signer().orElseThrow().name()).isEqualTo("Dana Whitfield");
        assertThat(pdf.signer().orElseThrow().sha256Fingerprint()).isEqualTo(SigningIdentity.fingerprint(
            identity.certificate()));
        assertThat(pdf.signingTime()).isPresent();
        assertThat(pdf.checks()).extracting(Verification.Step::what)
            .contains("the signature covers the whole file except the signature itself",
                "the attached JSON report is the one the signed PDF states",
                "the JSON report beside the PDF is the attached one");
        assertThat(json.valid()).as(json.checks().toString()).isTrue();
        assertThat(json.signingTime()).isPresent();
    }

    @Test
    void pemEncodedJsonSignatureVerifiesAsWellAsDer() throws Exception {
        Path pem = dir.resolve("report.json.p7s.pem");
        ExternalTool.run(dir, "openssl", "cms", "-cmsout", "-inform", "DER", "-in", "report.json.p7s", "-outform",
            "PEM", "-out", pem.toString());

        Verification verification = ReportVerifier.verifyJson(files.json(), Files.readAllBytes(files.json()),
            Files.readAllBytes(pem));

        assertThat(Files.readString(pem)).startsWith("-----BEGIN CMS-----");
        assertThat(verification.valid()).as(verification.checks().toString()).isTrue();
    }

    @Test
    void fontsAreEmbeddedAndTheJsonIsAttached() throws Exception {
        ExternalTool pdffonts = ExternalTool.run(dir, "pdffonts", files.pdf().toString());
        ExternalTool pdfdetach = ExternalTool.run(dir, "pdfdetach", "-list", files.pdf().toString());

        assertThat(pdffonts.output()).contains("DejaVuSans").doesNotContain(" no  ");
        assertThat(pdfdetach.output()).contains("1: report.json");
    }

    @Test
    void renderedMatrixPageShowsPassAndFailColoursWhereTheMatrixIs() throws Exception {
        Path pdf = dir.resolve("unsigned-render.pdf");
        Files.write(pdf, rendered.pdf());
        PageBox box = rendered.matrix();
        int page = box.pageIndex() + 1;

        ExternalTool pdftoppm = ExternalTool.run(dir, "pdftoppm", "-png", "-r", "50", "-f", String.valueOf(page),
            "-l", String.valueOf(page), "-singlefile", pdf.toString(), dir.resolve("matrix").toString());

        assertThat(pdftoppm.exitCode()).as(pdftoppm.output()).isZero();
        BufferedImage image = ImageIO.read(dir.resolve("matrix.png").toFile());
        PixelCount count = PixelCount.inBox(image, box, 50);
        assertThat(count.nonWhiteShare()).isGreaterThan(0.4);
        assertThat(count.near(ReportStyle.PASS)).isGreaterThan(200);
        assertThat(count.near(ReportStyle.FAIL)).isGreaterThan(200);
        assertThat(PixelCount.inBox(image, new PageBox(0, 20, 20, 20, 20), 50).nonWhiteShare())
            .as("a corner of the page is blank, so the check can tell blank from drawn").isLessThan(0.01);
    }

    @Test
    void oneChangedByteInThePdfMakesEveryVerifierRejectIt() throws Exception {
        byte[] original = Files.readAllBytes(files.pdf());
        for (int position : new int[] {original.length / 5, original.length / 2, original.length - 40}) {
            Path tampered = tamperedCopy(files.pdf(), position, "tampered-" + position + ".pdf");

            ExternalTool pdfsig = ExternalTool.run(dir, "pdfsig", tampered.toString());
            Verification own = ReportVerifier.verifyPdf(tampered, Files.readAllBytes(tampered), Optional.empty());

            assertThat(pdfsig.output()).as("pdfsig on byte " + position)
                .doesNotContain("Signature Validation: Signature is Valid.");
            assertThat(own.valid()).as("own verifier on byte " + position).isFalse();
        }
    }

    @Test
    void oneChangedByteInTheJsonMakesOpensslAndOwnVerifierRejectIt() throws Exception {
        Path copy = Files.createDirectories(dir.resolve("json-tamper"));
        Path json = tamperedCopy(files.json(), (int) files.jsonBytes() / 2, "json-tamper/report.json");
        Files.copy(files.jsonSignature().orElseThrow(), copy.resolve("report.json.p7s"));

        ExternalTool openssl = ExternalTool.run(copy, "openssl", "cms", "-verify", "-binary", "-inform", "DER",
            "-content", "report.json", "-in", "report.json.p7s", "-CAfile", dir.resolve("assessor.pem").toString(),
            "-purpose", "any", "-out", "/dev/null");
        Verification own = ReportVerifier.verify(json);

        assertThat(openssl.exitCode()).isNotZero();
        assertThat(openssl.output()).contains("Verification failure");
        assertThat(own.valid()).isFalse();
        assertThat(own.firstProblem().orElseThrow().detail()).contains("changed after signing");
    }

    @Test
    void bytesAppendedAfterSigningAreReportedAsAChange() throws Exception {
        byte[] original = Files.readAllBytes(files.pdf());
        byte[] longer = java.util.Arrays.copyOf(original, original.length + 9);
        System.arraycopy("\n% extra\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, longer,
            original.length, 9);

        Verification own = ReportVerifier.verifyPdf(dir.resolve("appended.pdf"), longer, Optional.empty());

        assertThat(own.valid()).isFalse();
        assertThat(own.firstProblem().orElseThrow().detail()).isEqualTo("9 bytes were added after signing");
    }

    @Test
    void wrongPasswordGivesOneClearSentence() {
        // The CLI opens the identity before writing anything; ReportCommandsTest shows no file is left behind.
        assertThatThrownBy(() -> SigningIdentity.load(dir.resolve("assessor.p12"), "not it".toCharArray()))
            .isInstanceOf(ReportException.class)
            .hasMessage("The password for " + dir.resolve("assessor.p12") + " is wrong; nothing was written.");
    }

    @Test
    void rsaIdentityProducesAReportPdfsigAccepts() throws Exception {
        Path rsaDir = Files.createDirectories(dir.resolve("rsa"));
        SigningIdentity rsa = AssessorIdentities.createSelfSigned(rsaDir.resolve("rsa.p12"), "Lee Ortega", "Audit "
            + "Partners LLP", "Consultant", PASSWORD.clone(), AssessorIdentities.KeyType.RSA_3072,
            Duration.ofDays(30));

        ReportFiles rsaFiles = new ReportWriter("vetbench test", Optional.of(rsa), Optional.empty())
            .write(SampleAssessments.twoVersionsFourChecks(), rsaDir.resolve("report.pdf"), Instant.now());

        assertThat(ExternalTool.run(rsaDir, "pdfsig", rsaFiles.pdf().toString()).output())
            .contains("Signature Validation: Signature is Valid.");
        assertThat(ReportVerifier.verify(rsaFiles.pdf()).valid()).isTrue();
    }

    private static Path tamperedCopy(Path file, int position, String name) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        bytes[position] ^= 0x01;
        Path copy = dir.resolve(name);
        Files.write(copy, bytes);
        return copy;
    }
}

package dev.vetbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.vetbench.assessment.Assessment;
import dev.vetbench.assessment.AssessmentFiles;
import dev.vetbench.assessment.SampleAssessments;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Searches every output byte (PDF raw and extracted text, attached JSON, JSON, signature, .vetbench file, log
 * lines) for the leaked-memory marker, the PKCS#12 password and the private key, in the encodings they could take.
 */
class NoSecretsInOutputTest {

    private static final String PASSWORD = "Tr0ub4dor-&-3-secret-PW-55aa";

    @TempDir
    Path dir;

    private ListAppender<ILoggingEvent> logs;
    private Level previousLevel;

    @AfterEach
    void stopCapturingLogs() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(logs);
        root.setLevel(previousLevel);
    }

    @Test
    void noLeakedMemoryPasswordOrKeyMaterialAppearsInAnyOutput() throws Exception {
        logs = captureLogs();
        Assessment assessment = SampleAssessments.twoVersionsFourChecks();
        AssessmentFiles.save(assessment, dir.resolve("portal.vetbench"));
        AssessorIdentities.createSelfSigned(dir.resolve("id.p12"), "Dana Whitfield", "St. Elsewhere", "CISO",
            PASSWORD.toCharArray(), AssessorIdentities.KeyType.EC_P256, Duration.ofDays(30));
        SigningIdentity identity = SigningIdentity.load(dir.resolve("id.p12"), PASSWORD.toCharArray());
        ReportFiles files = new ReportWriter("vetbench test", Optional.of(identity), Optional.empty())
            .write(assessment, dir.resolve("report.pdf"), Instant.now());

        List<byte[]> outputs = outputs(files, dir.resolve("portal.vetbench"), logs);
        List<byte[]> secrets = secrets(identity);

        for (byte[] output : outputs) {
            for (byte[] secret : secrets) {
                assertThat(indexOf(output, secret)).as("secret of %d bytes found in an output", secret.length)
                    .isEqualTo(-1);
            }
        }
        // Positive controls: the same search does find what must be there.
        String text = new String(outputs.get(1), StandardCharsets.UTF_8);
        assertThat(text).contains("MediVendor Patient Portal");
        assertThat(indexOf(outputs.get(2), SampleAssessments.LEAKED_MEMORY_SHA256.getBytes(StandardCharsets.UTF_8)))
            .isNotNegative();
        assertThat(logs.list).isNotEmpty();
    }

    private ListAppender<ILoggingEvent> captureLogs() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previousLevel = root.getLevel();
        root.setLevel(Level.TRACE);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        return appender;
    }

    /** Raw files, plus what compression hides: the PDF's text and its attached JSON. */
    private static List<byte[]> outputs(ReportFiles files, Path vetbench, ListAppender<ILoggingEvent> logs)
            throws Exception {
        List<byte[]> outputs = new ArrayList<>();
        byte[] pdf = Files.readAllBytes(files.pdf());
        outputs.add(pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            outputs.add(new PDFTextStripper().getText(document).getBytes(StandardCharsets.UTF_8));
            outputs.add(ReportVerifier.attachment(document).orElseThrow());
        }
        outputs.add(Files.readAllBytes(files.json()));
        outputs.add(Files.readAllBytes(files.jsonSignature().orElseThrow()));
        outputs.add(Files.readAllBytes(vetbench));
        StringBuilder lines = new StringBuilder();
        logs.list.forEach(event -> lines.append(event.getFormattedMessage()).append('\n'));
        outputs.add(lines.toString().getBytes(StandardCharsets.UTF_8));
        return outputs;
    }

    private static List<byte[]> secrets(SigningIdentity identity) {
        List<byte[]> secrets = new ArrayList<>();
        addEncodings(secrets, SampleAssessments.LEAKED_MEMORY_MARKER.getBytes(StandardCharsets.UTF_8));
        addEncodings(secrets, PASSWORD.getBytes(StandardCharsets.UTF_8));
        secrets.add(PASSWORD.getBytes(StandardCharsets.UTF_16BE));
        byte[] pkcs8 = identity.privateKey().getEncoded();
        addEncodings(secrets, pkcs8);
        BigInteger scalar = ((ECPrivateKey) identity.privateKey()).getS();
        addEncodings(secrets, unsigned(scalar));
        return secrets;
    }

    private static void addEncodings(List<byte[]> secrets, byte[] secret) {
        secrets.add(secret);
        secrets.add(HexFormat.of().formatHex(secret).getBytes(StandardCharsets.US_ASCII));
        secrets.add(HexFormat.of().withUpperCase().formatHex(secret).getBytes(StandardCharsets.US_ASCII));
        String base64 = Base64.getEncoder().encodeToString(secret);
        secrets.add(base64.substring(0, Math.min(base64.length(), 24)).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

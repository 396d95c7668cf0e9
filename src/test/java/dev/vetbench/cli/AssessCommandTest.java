package dev.vetbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.assessment.Assessment;
import dev.vetbench.assessment.AssessmentFiles;
import dev.vetbench.assessment.ResultEntry;
import dev.vetbench.assessment.VersionComparison;
import dev.vetbench.checks.Verdict;
import dev.vetbench.docker.DockerConnection;
import dev.vetbench.testbed.TestBed;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vetbench assess} on the two front-end fixture versions of the test bed, checked with pdfsig, openssl and
 * pdftoppm; and the same command killed with SIGKILL half-way.
 */
class AssessCommandTest {

    @TempDir
    static Path dir;

    static ReportCommandsTest.Run assess;

    @BeforeAll
    static void assessTwoFixtureVersions() throws Exception {
        TestBed.requireDocker();
        Files.writeString(dir.resolve("pw.txt"), "assess-test-pw\n");
        ReportCommandsTest.run("keygen", "--name", "Dana Whitfield", "--out", dir.resolve("id.p12").toString(),
            "--password-file", dir.resolve("pw.txt").toString());
        assess = ReportCommandsTest.run("assess", "--image", TestBed.FRONTEND_FLAWED, "--image",
            TestBed.FRONTEND_FIXED, "--profile", "nginx-tls-frontend", "--checks", "all", "--vendor",
            "MediVendor Inc.", "--product", "Patient Portal", "--out", dir.resolve("report.pdf").toString(),
            "--sign", dir.resolve("id.p12").toString(), "--password-file", dir.resolve("pw.txt").toString(),
            "--junit", dir.resolve("junit.xml").toString());
    }

    @Test
    void assessWritesASignedReportThatPdfsigAndOpensslAccept() throws Exception {
        // The flawed version logs the balancer's address behind a PROXY-protocol balancer: a finding.
        assertThat(assess.exit()).as(assess.out() + assess.err()).isEqualTo(VetbenchCommand.FINDINGS);

        String pdfsig = run(dir, "pdfsig", "report.pdf");
        String openssl = run(dir, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-content",
            "report.json", "-in", "report.json.p7s", "-CAfile", "id.pem", "-purpose", "any", "-out", "/dev/null");

        assertThat(pdfsig).contains("Total document signed").contains("Signature is Valid.");
        assertThat(openssl).contains("Verification successful");
        assertThat(ReportCommandsTest.run("verify", dir.resolve("report.pdf").toString()).exit()).isZero();
    }

    @Test
    void assessmentFileAndJUnitHoldEveryCheckOfBothVersions() throws Exception {
        Assessment assessment = AssessmentFiles.open(dir.resolve("report.vetbench"));

        assertThat(assessment.results()).extracting(ResultEntry::versionId).containsOnly(TestBed.FRONTEND_FLAWED,
            TestBed.FRONTEND_FIXED);
        assertThat(assessment.results()).extracting(ResultEntry::checkId).contains("heartbleed", "fallback-scsv",
            "proxy-protocol", "volume-encryption");
        assertThat(assessment.result(TestBed.FRONTEND_FLAWED, "proxy-protocol").orElseThrow().verdict())
            .isEqualTo(Verdict.FAIL);
        assertThat(assessment.result(TestBed.FRONTEND_FIXED, "proxy-protocol").orElseThrow().verdict())
            .isEqualTo(Verdict.PASS);
        assertThat(VersionComparison.of(assessment).changesFor("proxy-protocol")).extracting(
            VersionComparison.Change::kind).containsExactly(VersionComparison.Kind.FIXED);
        assertThat(assessment.scope().versions()).allSatisfy(version -> assertThat(version.digest())
            .startsWith("sha256:"));
        assertThat(Files.readString(dir.resolve("junit.xml"))).contains("<testsuite name=\""
            + TestBed.FRONTEND_FIXED + "\"").contains("name=\"Heartbleed (CVE-2014-0160)\"");
    }

    @Test
    void renderedMatrixPageIsNotBlankWhereTheMatrixIs() throws Exception {
        run(dir, "pdftoppm", "-png", "-r", "50", "-f", "2", "-l", "2", "-singlefile", "report.pdf", "page2");

        BufferedImage page = ImageIO.read(dir.resolve("page2.png").toFile());
        // The matrix sits in the middle third of the summary page, below the figures; count verdict colours there.
        assertThat(count(page, new Color(0x2E, 0x7D, 0x32))).as("PASS-green pixels in the matrix area")
            .isGreaterThan(500);
        assertThat(count(page, new Color(0xC6, 0x28, 0x28))).as("FAIL-red pixels in the matrix area")
            .isGreaterThan(100);
    }

    private static int count(BufferedImage page, Color colour) {
        int count = 0;
        for (int y = page.getHeight() / 3; y < page.getHeight() * 2 / 3; y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                Color c = new Color(page.getRGB(x, y));
                if (Math.abs(c.getRed() - colour.getRed()) < 12 && Math.abs(c.getGreen() - colour.getGreen()) < 12
                        && Math.abs(c.getBlue() - colour.getBlue()) < 12) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void sigkillDuringAnAssessmentKeepsEveryFinishedCheck() throws Exception {
        Path file = dir.resolve("killed.vetbench");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
            "dev.vetbench.app.Main", "assess", "--image", TestBed.FRONTEND_FLAWED, "--image", TestBed.FRONTEND_FIXED,
            "--profile", "nginx-tls-frontend", "--vendor", "MediVendor Inc.", "--assessment", file.toString(),
            "--out", dir.resolve("killed.pdf").toString()).redirectErrorStream(true).start();
        List<String> saved = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("saved ")) {
                    saved.add(line);
                    break;
                }
            }
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        // The next start of Vetbench removes the killed run's container, as an assessor's next session would.
        try (DockerConnection docker = DockerConnection.connect()) {
            docker.removeLeftovers();
        }

        Assessment reopened = AssessmentFiles.open(file);
        assertThat(saved).as("the child saved a result before it was killed").hasSize(1);
        String checkId = saved.get(0).substring("saved ".length(), saved.get(0).indexOf(" on "));
        assertThat(reopened.result(TestBed.FRONTEND_FLAWED, checkId)).isPresent();
        assertThat(dir.resolve("killed.pdf")).doesNotExist();
    }

    private static String run(Path directory, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return output;
    }
}

package dev.vetbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.assessment.AssessmentFiles;
import dev.vetbench.assessment.SampleAssessments;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code vetbench keygen}, {@code report} and {@code verify} end to end, checked with pdfsig as well. */
class ReportCommandsTest {

    @TempDir
    static Path dir;

    static Run keygen;
    static Run report;

    @BeforeAll
    static void createIdentityAndReport() throws Exception {
        Files.writeString(dir.resolve("password.txt"), "s3cret-for-tests\n");
        AssessmentFiles.save(SampleAssessments.twoVersionsFourChecks(), dir.resolve("portal.vetbench"));
        keygen = run("keygen", "--name", "Dana Whitfield", "--organisation", "St. Elsewhere", "--out",
            dir.resolve("dana.p12").toString(), "--password-file", dir.resolve("password.txt").toString());
        Files.createDirectories(dir.resolve("out"));
        report = run("report", dir.resolve("portal.vetbench").toString(), "--out",
            dir.resolve("out/report.pdf").toString(), "--sign", dir.resolve("dana.p12").toString(),
            "--password-file", dir.resolve("password.txt").toString());
    }

    @Test
    void keygenCreatesTheIdentityAndItsCertificate() {
        assertThat(keygen.exit()).as(keygen.err()).isZero();
        assertThat(dir.resolve("dana.p12")).isNotEmptyFile();
        assertThat(dir.resolve("dana.pem")).content().startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(keygen.out()).contains("SHA-256 fingerprint: ");
    }

    @Test
    void reportCommandWritesASignedPdfThatPdfsigAndVerifyAccept() throws Exception {
        assertThat(report.exit()).as(report.err()).isZero();
        assertThat(dir.resolve("out")).isDirectoryContaining(path -> path.endsWith("report.json.p7s"));

        Process pdfsig = new ProcessBuilder("pdfsig", dir.resolve("out/report.pdf").toString())
            .redirectErrorStream(true).start();
        String pdfsigOutput = new String(pdfsig.getInputStream().readAllBytes());
        pdfsig.waitFor(30, TimeUnit.SECONDS);
        Run verifyPdf = run("verify", dir.resolve("out/report.pdf").toString());
        Run verifyJson = run("verify", dir.resolve("out/report.json").toString());

        assertThat(pdfsigOutput).contains("Signature is Valid.");
        assertThat(verifyPdf.exit()).as(verifyPdf.out()).isZero();
        assertThat(verifyPdf.out()).contains("VALID: ").contains("Signer: CN=Dana Whitfield")
            .contains("Signing time (claimed by the signer): ");
        assertThat(verifyJson.exit()).as(verifyJson.out()).isZero();
    }

    @Test
    void verifyExitsWithOneOnATamperedReport() throws Exception {
        Path copy = Files.createDirectories(dir.resolve("tampered"));
        byte[] pdf = Files.readAllBytes(dir.resolve("out/report.pdf"));
        pdf[pdf.length / 3] ^= 0x20;
        Files.write(copy.resolve("report.pdf"), pdf);

        Run verify = run("verify", copy.resolve("report.pdf").toString());

        assertThat(verify.exit()).isEqualTo(VetbenchCommand.FINDINGS);
        assertThat(verify.out()).contains("NOT VALID: ");
    }

    @Test
    void wrongPasswordSaysSoInOneSentenceAndLeavesNoFile() throws Exception {
        Path out = Files.createDirectories(dir.resolve("wrong"));
        Files.writeString(dir.resolve("wrong.txt"), "not-the-password\n");

        Run run = run("report", dir.resolve("portal.vetbench").toString(), "--out", out.resolve("r.pdf").toString(),
            "--sign", dir.resolve("dana.p12").toString(), "--password-file", dir.resolve("wrong.txt").toString());

        assertThat(run.exit()).isEqualTo(VetbenchCommand.COULD_NOT_RUN);
        assertThat(run.err().strip()).isEqualTo("vetbench report: The password for " + dir.resolve("dana.p12")
            + " is wrong; nothing was written.");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
        assertThat(run.err() + run.out()).doesNotContain("not-the-password");
    }

    @Test
    void withoutAPasswordSourceOrTerminalTheCommandSaysHowToGiveOne() {
        Run run = run("report", dir.resolve("portal.vetbench").toString(), "--out",
            dir.resolve("nopw.pdf").toString(), "--sign", dir.resolve("dana.p12").toString());

        assertThat(run.exit()).isEqualTo(VetbenchCommand.COULD_NOT_RUN);
        assertThat(run.err()).contains("use --password-file or --password-env");
        assertThat(dir.resolve("nopw.pdf")).doesNotExist();
    }

    @Test
    void verifyOfAMissingFileCouldNotRun() {
        Run run = run("verify", dir.resolve("absent.pdf").toString());

        assertThat(run.exit()).isEqualTo(VetbenchCommand.COULD_NOT_RUN);
        assertThat(run.err().strip()).isEqualTo("vetbench verify: The file " + dir.resolve("absent.pdf")
            + " does not exist.");
    }

    @Test
    void thePasswordIsNotAcceptedAsAPlainArgument() {
        Run run = run("keygen", "--name", "X", "--out", dir.resolve("x.p12").toString(), "--password", "visible");

        assertThat(run.exit()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(dir.resolve("x.p12")).doesNotExist();
    }

    @Test
    void assessTimeoutReadsPlainDurations() {
        AssessCommand.Seconds seconds = new AssessCommand.Seconds();

        assertThat(seconds.convert("30s")).isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(seconds.convert("2m")).isEqualTo(java.time.Duration.ofMinutes(2));
        assertThat(seconds.convert("1500ms")).isEqualTo(java.time.Duration.ofMillis(1500));
        assertThat(seconds.convert("PT45S")).isEqualTo(java.time.Duration.ofSeconds(45));
        assertThat(run("assess", "--image", "x:1", "--profile", "p", "--vendor", "v", "--out", "r.pdf",
            "--timeout", "soon").err()).contains("'soon' is not a duration");
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new VetbenchCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(List.of(args).toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }
}

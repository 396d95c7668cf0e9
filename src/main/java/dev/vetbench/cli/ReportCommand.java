package dev.vetbench.cli;

import dev.vetbench.assessment.Assessment;
import dev.vetbench.assessment.AssessmentFileException;
import dev.vetbench.assessment.AssessmentFiles;
import dev.vetbench.report.ReportException;
import dev.vetbench.report.ReportFiles;
import dev.vetbench.report.ReportWriter;
import dev.vetbench.report.SigningIdentity;
import dev.vetbench.report.TimestampClient;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vetbench report}: the PDF and JSON report of a saved assessment, signed when a PKCS#12 is given. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write the PDF and JSON report of a .vetbench assessment, signed with --sign.")
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ASSESSMENT.vetbench", description = "The saved assessment.")
    Path assessmentFile;

    @Option(names = "--out", required = true, paramLabel = "REPORT.pdf",
        description = "The PDF to write; the JSON (and its .p7s) go beside it.")
    Path out;

    @Option(names = "--sign", paramLabel = "FILE.p12", description = "Sign with the assessor's PKCS#12 identity.")
    Path sign;

    @Option(names = "--tsa", paramLabel = "URL",
        description = "Add an RFC 3161 time-stamp from this time-stamp authority (off by default).")
    URI tsa;

    @ArgGroup(exclusive = true)
    PasswordOptions password = new PasswordOptions();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            Assessment assessment = AssessmentFiles.open(assessmentFile);
            ReportFiles files = ReportOutput.writer(sign, password, tsa).write(assessment, out, Instant.now());
            ReportOutput.describe(files, spec.commandLine().getOut());
            return VetbenchCommand.OK;
        } catch (AssessmentFileException | ReportException | PasswordOptions.PasswordException e) {
            err.println("vetbench report: " + e.getMessage());
            return VetbenchCommand.COULD_NOT_RUN;
        }
    }

    /** Shared by the commands that write reports. */
    static final class ReportOutput {

        private ReportOutput() {
        }

        /** A writer that signs with the identity (when given), the password read and cleared at once. */
        static ReportWriter writer(Path p12, PasswordOptions password, URI tsa)
                throws ReportException, PasswordOptions.PasswordException {
            Optional<SigningIdentity> identity = Optional.empty();
            if (p12 != null) {
                char[] secret = password.read("Password for " + p12.getFileName(), false);
                try {
                    identity = Optional.of(SigningIdentity.load(p12, secret));
                } finally {
                    Arrays.fill(secret, '\0');
                }
            }
            Optional<TimestampClient> timestamps = Optional.ofNullable(tsa)
                .map(url -> new TimestampClient(url, Duration.ofSeconds(20)));
            return new ReportWriter(generator(), identity, timestamps);
        }

        static void describe(ReportFiles files, PrintWriter out) {
            out.println("PDF:  " + files.pdf() + " (" + files.pdfBytes() + " bytes)");
            out.println("JSON: " + files.json() + " (" + files.jsonBytes() + " bytes)");
            files.jsonSignature().ifPresentOrElse(p7s -> out.println("JSON signature: " + p7s),
                () -> out.println("Unsigned: pass --sign FILE.p12 to sign the report."));
        }

        static String generator() {
            String version = VetbenchCommand.class.getPackage().getImplementationVersion();
            return "vetbench " + (version == null ? "development build" : version);
        }
    }
}

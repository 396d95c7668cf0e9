package dev.vetbench.cli;

import dev.vetbench.report.ReportException;
import dev.vetbench.report.ReportVerifier;
import dev.vetbench.report.SignerDescription;
import dev.vetbench.report.Verification;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vetbench verify}: checks a signed report. Exit 0 valid, 1 not valid, 2 could not check. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Verify a signed report: a .pdf, or a .json with its .json.p7s beside it.")
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The report to verify (.pdf or .json).")
    Path file;

    @Override
    public Integer call() {
        Verification verification;
        try {
            verification = ReportVerifier.verify(file);
        } catch (ReportException e) {
            spec.commandLine().getErr().println("vetbench verify: " + e.getMessage());
            return VetbenchCommand.COULD_NOT_RUN;
        }
        PrintWriter out = spec.commandLine().getOut();
        for (Verification.Step step : verification.checks()) {
            out.println((step.passed() ? "  ok    " : "  FAIL  ") + step.what() + ": " + step.detail());
        }
        verification.signer().ifPresent(signer -> describe(signer, out));
        verification.signingTime().ifPresent(time -> out.println("Signing time (claimed by the signer): " + time));
        verification.timestamp().ifPresent(time -> out.println("Time-stamped by a TSA at: " + time));
        if (verification.valid()) {
            out.println("VALID: " + file + " is signed by " + verification.signer().map(SignerDescription::name)
                .orElse("?") + " and unchanged since signing.");
            return VetbenchCommand.OK;
        }
        out.println("NOT VALID: " + file + " " + verification.firstProblem().map(step -> "failed: " + step.what()
            + " (" + step.detail() + ")").orElse("could not be verified") + ".");
        return VetbenchCommand.FINDINGS;
    }

    private static void describe(SignerDescription signer, PrintWriter out) {
        out.println("Signer: " + signer.subject());
        out.println("Issuer: " + signer.issuer() + (signer.selfSigned() ? " (self-signed)" : ""));
        out.println("Certificate SHA-256: " + signer.sha256Fingerprint());
    }
}

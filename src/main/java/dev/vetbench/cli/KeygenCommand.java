package dev.vetbench.cli;

import dev.vetbench.report.AssessorIdentities;
import dev.vetbench.report.ReportException;
import dev.vetbench.report.SigningIdentity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vetbench keygen}: a self-signed assessor certificate in a new PKCS#12 file. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
    description = "Create a self-signed assessor certificate and key in a new PKCS#12 file for signing reports.")
final class KeygenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--name", required = true, description = "The assessor's full name (certificate CN).")
    String name;

    @Option(names = "--organisation", defaultValue = "", description = "The assessor's organisation.")
    String organisation;

    @Option(names = "--role", defaultValue = "", description = "The assessor's role or title.")
    String role;

    @Option(names = "--out", required = true, paramLabel = "FILE.p12", description = "The PKCS#12 file to create.")
    Path out;

    @Option(names = "--cert-out", paramLabel = "FILE.pem",
        description = "Also write the certificate as PEM (default: next to the PKCS#12 file).")
    Path certOut;

    @Option(names = "--rsa", description = "Use RSA 3072 instead of ECDSA P-256.")
    boolean rsa;

    @Option(names = "--valid-days", defaultValue = "730", description = "Validity in days (default: ${DEFAULT-VALUE}).")
    int validDays;

    @ArgGroup(exclusive = true)
    PasswordOptions password = new PasswordOptions();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        char[] secret = null;
        try {
            secret = password.read("Password for the new " + out.getFileName(), true);
            SigningIdentity identity = AssessorIdentities.createSelfSigned(out, name, organisation, role, secret,
                rsa ? AssessorIdentities.KeyType.RSA_3072 : AssessorIdentities.KeyType.EC_P256,
                Duration.ofDays(validDays));
            Path pem = certOut != null ? certOut : pemBeside(out);
            AssessorIdentities.writeCertificatePem(identity.certificate(), pem);
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println("Created " + out + " for " + identity.describe().subject());
            stdout.println("Certificate: " + pem);
            stdout.println("SHA-256 fingerprint: " + identity.describe().sha256Fingerprint());
            stdout.println("Give the certificate or its fingerprint to those who will verify your reports.");
            return VetbenchCommand.OK;
        } catch (PasswordOptions.PasswordException | ReportException e) {
            err.println("vetbench keygen: " + e.getMessage());
            return VetbenchCommand.COULD_NOT_RUN;
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
    }

    private static Path pemBeside(Path p12) {
        String file = p12.getFileName().toString();
        String base = file.endsWith(".p12") || file.endsWith(".pfx") ? file.substring(0, file.length() - 4) : file;
        return p12.resolveSibling(base + ".pem");
    }
}

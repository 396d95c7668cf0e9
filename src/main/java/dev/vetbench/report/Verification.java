package dev.vetbench.report;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@link ReportVerifier} found out about a signed report.
 *
 * @param file the file verified
 * @param signer the signing certificate, when one was found
 * @param signingTime the claimed signing time (PDF: the signature's M entry; JSON: the CMS signing-time)
 * @param timestamp the time a time-stamp authority vouched for, when the signature carries a time-stamp token
 * @param checks every check made, in order; the report is valid when all passed
 */
public record Verification(Path file, Optional<SignerDescription> signer, Optional<Instant> signingTime,
        Optional<Instant> timestamp, List<Step> checks) {

    public Verification {
        checks = List.copyOf(checks);
    }

    /**
     * One thing the verifier checked.
     *
     * @param what what was checked, e.g. "the signature covers the whole file"
     * @param passed whether it held
     * @param detail what was found, for people
     */
    public record Step(String what, boolean passed, String detail) {
    }

    /** Whether every check passed: signed, unchanged since signing, signature valid, embedded JSON consistent. */
    public boolean valid() {
        return !checks.isEmpty() && checks.stream().allMatch(Step::passed);
    }

    /** The first failed check, if any. */
    public Optional<Step> firstProblem() {
        return checks.stream().filter(step -> !step.passed()).findFirst();
    }
}

package dev.vetbench.report;

import dev.vetbench.assessment.Assessment;
import dev.vetbench.assessment.ImageVersion;
import dev.vetbench.assessment.VersionComparison;
import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.Verdict;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The counts behind the executive summary, over the version x check matrix.
 *
 * @param versions image versions in scope
 * @param checks checks in the matrix
 * @param passed cells that passed
 * @param failed cells with a finding (waived or not)
 * @param waived findings covered by a waiver that holds on the report date
 * @param notApplicable cells where the check does not apply
 * @param errors cells where the check could not run (never counted as passed)
 * @param notRun cells without a result
 * @param outcome {@link #NO_FINDINGS}, {@link #FINDINGS} or {@link #INCOMPLETE}
 */
public record ReportSummary(int versions, int checks, int passed, int failed, int waived, int notApplicable,
        int errors, int notRun, String outcome) {

    /** Every check that ran passed or did not apply, and all checks ran. */
    public static final String NO_FINDINGS = "NO_FINDINGS";
    /** At least one finding is not covered by a waiver. */
    public static final String FINDINGS = "FINDINGS";
    /** No open finding, but some checks could not run or have not run. */
    public static final String INCOMPLETE = "INCOMPLETE";

    /** Counts the cells of the comparison's matrix. */
    public static ReportSummary of(Assessment assessment, VersionComparison comparison, LocalDate day) {
        int[] counts = new int[6];
        for (ImageVersion version : comparison.versions()) {
            for (String check : comparison.checkIds()) {
                Optional<CheckResult> result = assessment.result(version.id(), check);
                int slot = result.map(r -> r.verdict().ordinal()).orElse(4);
                counts[slot]++;
                if (result.isPresent() && result.get().verdict() == Verdict.FAIL
                        && assessment.waivedOn(version.id(), check, day)) {
                    counts[5]++;
                }
            }
        }
        int openFindings = counts[Verdict.FAIL.ordinal()] - counts[5];
        String outcome = openFindings > 0 ? FINDINGS
            : counts[Verdict.ERROR.ordinal()] + counts[4] > 0 ? INCOMPLETE : NO_FINDINGS;
        return new ReportSummary(comparison.versions().size(), comparison.checkIds().size(),
            counts[Verdict.PASS.ordinal()], counts[Verdict.FAIL.ordinal()], counts[5],
            counts[Verdict.NOT_APPLICABLE.ordinal()], counts[Verdict.ERROR.ordinal()], counts[4], outcome);
    }

    /** Findings that no waiver covers. */
    public int openFindings() {
        return failed - waived;
    }
}

package dev.vetbench.report;

import dev.vetbench.assessment.Assessment;
import dev.vetbench.assessment.ImageVersion;
import dev.vetbench.assessment.VersionComparison;
import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.Verdict;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
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
        Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        int notRun = 0;
        int waived = 0;
        for (ImageVersion version : comparison.versions()) {
            for (String check : comparison.checkIds()) {
                Optional<CheckResult> result = assessment.result(version.id(), check);
                if (result.isEmpty()) {
                    notRun++;
                    continue;
                }
                verdicts.merge(result.get().verdict(), 1, Integer::sum);
                if (result.get().verdict() == Verdict.FAIL && assessment.waivedOn(version.id(), check, day)) {
                    waived++;
                }
            }
        }
        int failed = verdicts.getOrDefault(Verdict.FAIL, 0);
        int errors = verdicts.getOrDefault(Verdict.ERROR, 0);
        String outcome = failed > waived ? FINDINGS : errors + notRun > 0 ? INCOMPLETE : NO_FINDINGS;
        return new ReportSummary(comparison.versions().size(), comparison.checkIds().size(),
            verdicts.getOrDefault(Verdict.PASS, 0), failed, waived, verdicts.getOrDefault(Verdict.NOT_APPLICABLE, 0),
            errors, notRun, outcome);
    }

    /** Findings that no waiver covers. */
    public int openFindings() {
        return failed - waived;
    }
}

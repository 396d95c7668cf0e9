package dev.vetbench.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An accepted risk: the assessor's decision that a finding need not block the vendor, with its justification.
 *
 * <p>A waiver sits beside a verdict and never rewrites it: a waived FAIL is still reported as FAIL, with the waiver
 * next to it.
 *
 * @param versionId the version whose result is waived
 * @param checkId the check whose result is waived
 * @param justification why the risk is acceptable
 * @param approver who accepted the risk
 * @param expires the last day the waiver holds
 * @param grantedAt when the waiver was recorded
 */
public record Waiver(
        String versionId, String checkId, String justification, String approver, LocalDate expires,
        Instant grantedAt) {

    public Waiver {
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(justification, "justification");
        Objects.requireNonNull(approver, "approver");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(grantedAt, "grantedAt");
    }

    /** Whether the waiver still holds on the given day (it holds through its expiry date). */
    public boolean activeOn(LocalDate day) {
        return !day.isAfter(expires);
    }

    /** Whether this waiver is for the given version and check. */
    public boolean covers(String version, String check) {
        return versionId.equals(version) && checkId.equals(check);
    }
}

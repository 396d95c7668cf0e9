package dev.vetbench.assessment;

/**
 * What the report says about a check, independent of any result.
 *
 * @param id the registry id, e.g. {@code heartbleed}
 * @param title the title for people, e.g. "Heartbleed (CVE-2014-0160)"
 * @param shortTitle a short column heading for the matrix
 * @param proves what a PASS proves, in one sentence
 * @param hipaa the HIPAA Security Rule references (45 CFR)
 * @param remediation what the vendor should do about a FAIL
 * @param plainGoal what the check protects, in words for non-engineers, e.g. "that stored data is encrypted"
 */
public record CheckInfo(String id, String title, String shortTitle, String proves, String hipaa,
        String remediation, String plainGoal) {
}

package dev.vetbench.cli;

import dev.vetbench.checks.Check;
import dev.vetbench.checks.CheckResult;

/** The plain-text form of one result, for people reading a terminal. */
final class TextReport {

    private TextReport() {
    }

    static String render(Check check, CheckResult result) {
        StringBuilder text = new StringBuilder();
        String verdict = result.verdict().name() + (result.errorReason() == null ? ""
            : " (" + result.errorReason().description() + ")");
        text.append(check.title()).append(" on ").append(result.target()).append(": ").append(verdict)
            .append(" in ").append(result.duration().toMillis()).append(" ms\n");
        text.append("  ").append(result.summary()).append('\n');
        text.append("  HIPAA: ").append(check.hipaaReference()).append('\n');
        if (!result.findings().isEmpty()) {
            text.append("Findings:\n");
            result.findings().forEach(finding -> text.append("  ").append(finding).append('\n'));
        }
        if (!result.evidence().facts().isEmpty()) {
            text.append("Evidence:\n");
            result.evidence().facts().forEach((key, value) -> text.append("  ").append(key).append(": ")
                .append(value).append('\n'));
        }
        if (!result.evidence().transcript().isEmpty()) {
            text.append("Transcript:\n");
            result.evidence().transcript().forEach(line -> text.append("  ").append(line).append('\n'));
        }
        return text.toString();
    }
}

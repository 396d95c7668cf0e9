package dev.vetbench.checks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One verdict of one check on one target, with the evidence behind it.
 *
 * @param checkId the registry id of the check, e.g. {@code heartbleed}
 * @param target a description of the target (image version with digest, or host:port)
 * @param verdict the outcome
 * @param summary one sentence for people, e.g. "Server returned 16 384 bytes for a 3-byte heartbeat"
 * @param errorReason why the check could not run; present exactly when the verdict is {@link Verdict#ERROR}
 * @param evidence what a reviewer can re-read
 * @param startedAt when the check started
 * @param duration how long it ran
 * @param findings what the check noticed beside the verdict, each with its own severity; never changes the verdict
 */
public record CheckResult(
        String checkId,
        String target,
        Verdict verdict,
        String summary,
        ErrorReason errorReason,
        Evidence evidence,
        Instant startedAt,
        Duration duration,
        List<Finding> findings) {

    public CheckResult {
        findings = findings == null ? List.of() : List.copyOf(findings);
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(duration, "duration");
        if ((verdict == Verdict.ERROR) != (errorReason != null)) {
            throw new IllegalArgumentException("an error reason goes with an ERROR verdict and only with it");
        }
    }

    /** A result without findings. */
    public CheckResult(String checkId, String target, Verdict verdict, String summary, ErrorReason errorReason,
            Evidence evidence, Instant startedAt, Duration duration) {
        this(checkId, target, verdict, summary, errorReason, evidence, startedAt, duration, List.of());
    }

    /** A copy with these findings instead. */
    public CheckResult withFindings(List<Finding> newFindings) {
        return new CheckResult(checkId, target, verdict, summary, errorReason, evidence, startedAt, duration,
            newFindings);
    }

    /** A conclusive result (PASS, FAIL or NOT_APPLICABLE) timed from {@code startedAt} to now. */
    public static CheckResult conclusive(String checkId, CheckTarget target, Verdict verdict, String summary,
            Evidence evidence, Instant startedAt) {
        if (verdict == Verdict.ERROR) {
            throw new IllegalArgumentException("use CheckResult.error for an ERROR");
        }
        return new CheckResult(checkId, target.description(), verdict, summary, null, evidence, startedAt,
            Duration.between(startedAt, Instant.now()));
    }

    /** An ERROR: the check could not run to a conclusion, timed from {@code startedAt} to now. */
    public static CheckResult error(String checkId, CheckTarget target, ErrorReason reason, String summary,
            Evidence evidence, Instant startedAt) {
        return new CheckResult(checkId, target.description(), Verdict.ERROR, summary, reason, evidence, startedAt,
            Duration.between(startedAt, Instant.now()));
    }

    /** Whether the check ran and the target passed; an ERROR is never a pass. */
    public boolean passed() {
        return verdict == Verdict.PASS;
    }
}

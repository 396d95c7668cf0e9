package dev.vetbench.checks;

/**
 * One security check that yields a verdict per target. Implementations are stateless and thread-safe: the runner
 * calls {@link #run} for several targets at once.
 */
public interface Check {

    /** A short stable id used on the command line and in reports, e.g. {@code heartbleed}. */
    String id();

    /** A title for people, e.g. "Heartbleed (CVE-2014-0160)". */
    String title();

    /** The HIPAA Security Rule sections the check gives evidence for, e.g. "164.312(e)(1)". */
    String hipaaReference();

    /**
     * Runs the check on one target. Must return by {@link CheckContext#deadline()} and stop early when the context
     * is cancelled. A check that cannot reach a conclusion returns {@link Verdict#ERROR} with a reason rather than
     * throwing; the runner turns anything thrown into ERROR ({@link ErrorReason#BUG}).
     */
    CheckResult run(CheckTarget target, CheckContext context);
}

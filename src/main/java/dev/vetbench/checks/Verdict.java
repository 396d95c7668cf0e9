package dev.vetbench.checks;

/**
 * The outcome of one check on one target.
 *
 * <p>{@link #ERROR} means the check could not run; it is a distinct outcome and is never counted or shown as a
 * pass.
 */
public enum Verdict {
    PASS,
    FAIL,
    NOT_APPLICABLE,
    ERROR;

    /** Whether this verdict is a finding an assessor has to act on. */
    public boolean isFinding() {
        return this == FAIL;
    }
}

package dev.vetbench.report;

/** A report could not be written, signed or verified; the message is one sentence for the assessor. */
public final class ReportException extends Exception {

    private static final long serialVersionUID = 1L;

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }

    public ReportException(String message) {
        super(message);
    }
}

package dev.vetbench.assessment;

/** An assessment file could not be opened or saved; the message is one sentence for the assessor. */
public final class AssessmentFileException extends Exception {

    private static final long serialVersionUID = 1L;

    public AssessmentFileException(String message, Throwable cause) {
        super(message, cause);
    }

    public AssessmentFileException(String message) {
        super(message);
    }
}

package dev.vetbench.ui.host;

/** No engine could be used at a host; the message is one sentence for the user saying what to do. */
public final class EngineUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public EngineUnavailableException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}

package dev.vetbench.checks;

/**
 * Receives {@link CheckEvent}s. Called from worker threads; implementations must be thread-safe and quick (the UI
 * hands events over to its own thread).
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores every event. */
    ProgressListener NONE = event -> { };

    void onEvent(CheckEvent event);
}

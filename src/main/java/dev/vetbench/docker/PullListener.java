package dev.vetbench.docker;

/** Hears the progress of a pull, layer by layer. */
@FunctionalInterface
public interface PullListener {

    /** A listener that ignores everything. */
    PullListener NONE = event -> { };

    /** Called on the engine's stream thread; keep it quick. */
    void onProgress(PullProgress event);
}

package dev.vetbench.docker;

/** Hears what a long engine operation is doing, one short step at a time ("Creating container", ...). */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = step -> { };

    /** Called on the thread that runs the operation; keep it quick. */
    void step(String step);
}

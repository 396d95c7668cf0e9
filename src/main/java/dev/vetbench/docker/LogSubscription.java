package dev.vetbench.docker;

/** A log stream someone follows; closing it stops the stream. */
@FunctionalInterface
public interface LogSubscription extends AutoCloseable {

    /** Stops following; calling it again does nothing. */
    @Override
    void close();
}

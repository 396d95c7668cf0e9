package dev.vetbench.docker;

/**
 * One progress event of a pull, as the engine reports it.
 *
 * @param layerId the layer (or tag) the event is about; empty for events about the whole image
 * @param status what the engine says, e.g. "Downloading", "Pull complete"
 * @param current bytes done so far, or -1 when the engine did not say
 * @param total bytes in all, or -1 when the engine did not say
 */
public record PullProgress(String layerId, String status, long current, long total) {

    public PullProgress {
        layerId = layerId == null ? "" : layerId;
        status = status == null ? "" : status;
    }
}

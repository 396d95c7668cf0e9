package dev.vetbench.checks;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a running check may know about its surroundings: its deadline, whether it was cancelled, and where to report
 * progress.
 *
 * @param deadline the instant by which the check must have returned; every blocking step is bounded by it
 * @param cancellation cancelled when the caller gives up or the deadline passed
 * @param listener receives progress events
 * @param checkId the id of the running check, used in progress events
 * @param target the target the check runs on, used in progress events
 */
public record CheckContext(
        Instant deadline,
        CancellationToken cancellation,
        ProgressListener listener,
        String checkId,
        CheckTarget target) {

    public CheckContext {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(cancellation, "cancellation");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(target, "target");
    }

    /** A context for calling one check directly, outside a runner. */
    public static CheckContext standalone(Check check, CheckTarget target, Duration timeout) {
        return new CheckContext(Instant.now().plus(timeout), new CancellationToken(), ProgressListener.NONE,
            check.id(), target);
    }

    /** Time left before the deadline; zero once it passed. */
    public Duration remaining() {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    public boolean isCancelled() {
        return cancellation.isCancelled();
    }

    /** Reports a step of the running check. */
    public void progress(String message) {
        listener.onEvent(new CheckEvent.Progress(checkId, target, message));
    }
}

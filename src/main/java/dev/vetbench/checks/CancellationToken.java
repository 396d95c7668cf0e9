package dev.vetbench.checks;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Lets a caller stop running checks. Checks poll {@link #isCancelled()} between steps and may register an action
 * (typically closing a socket) that runs as soon as someone cancels.
 */
public final class CancellationToken {

    private final List<Runnable> actions = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    /** Cancels; registered actions run once, on the calling thread. */
    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        for (Runnable action : actions) {
            runQuietly(action);
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code action} when the token is cancelled, or at once if it already is. */
    public void onCancel(Runnable action) {
        actions.add(action);
        if (cancelled) {
            runQuietly(action);
        }
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException ignored) {
            // An action that fails (e.g. closing a socket twice) must not stop the other actions.
        }
    }
}

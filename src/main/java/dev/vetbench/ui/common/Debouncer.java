package dev.vetbench.ui.common;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Passes on only the last of a burst of values, once none has come for a quiet period: a field autosaves when the
 * assessor stops typing, not at every key. The action runs on this debouncer's own daemon thread, or on the caller's
 * thread for {@link #flush()}.
 */
public final class Debouncer<T> implements AutoCloseable {

    private final Duration quiet;
    private final Consumer<T> action;
    private final AtomicReference<T> pending = new AtomicReference<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "vetbench-debounce");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> scheduled;

    public Debouncer(Duration quiet, Consumer<T> action) {
        this.quiet = quiet;
        this.action = action;
    }

    /** Replaces the pending value and starts the quiet period again. */
    public synchronized void offer(T value) {
        pending.set(value);
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        scheduled = timer.schedule(this::passOn, quiet.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Passes the pending value on now, if there is one (before saving, and at shutdown); true if there was. */
    public boolean flush() {
        cancelTimer();
        return passOn();
    }

    /** Drops the pending value. */
    public void cancel() {
        cancelTimer();
        pending.set(null);
    }

    private synchronized void cancelTimer() {
        if (scheduled != null) {
            scheduled.cancel(false);
            scheduled = null;
        }
    }

    private boolean passOn() {
        T value = pending.getAndSet(null);
        if (value != null) {
            action.accept(value);
        }
        return value != null;
    }

    /** Passes the pending value on and stops the timer thread. */
    @Override
    public void close() {
        flush();
        timer.shutdownNow();
    }
}

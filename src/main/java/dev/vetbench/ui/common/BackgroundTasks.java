package dev.vetbench.ui.common;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs slow work (Docker, network, files) off the FX thread on one bounded executor and publishes the outcome
 * back on the UI thread. Build a task with {@link #create}, add {@code onSuccess} / {@code onError} /
 * {@code andFinally}, then {@code start()} it.
 */
public final class BackgroundTasks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTasks.class);

    private final ExecutorService workers;
    private final Executor ui;

    public BackgroundTasks(ExecutorService workers, Executor ui) {
        this.workers = workers;
        this.ui = ui;
    }

    /** Four named daemon workers, results published with {@link Platform#runLater}. */
    public static BackgroundTasks forFxApplication() {
        return new BackgroundTasks(boundedWorkers(4), Platform::runLater);
    }

    /** A bounded pool of daemon threads named {@code vetbench-worker-N}. */
    public static ExecutorService boundedWorkers(int threads) {
        AtomicInteger counter = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "vetbench-worker-" + counter.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Runs a small update (progress, a log line) on the UI thread; for use from inside running work. */
    public void publish(Runnable update) {
        ui.execute(update);
    }

    public <T> Builder<T> create(Callable<T> work) {
        return new Builder<>(Objects.requireNonNull(work));
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    /** Collects the callbacks of one task; every callback runs on the UI thread. */
    public final class Builder<T> {
        private final Callable<T> work;
        private Consumer<? super T> onSuccess = value -> { };
        private Consumer<Throwable> onError = error -> LOG.error("Background task failed", error);
        private Runnable andFinally = () -> { };

        private Builder(Callable<T> work) {
            this.work = work;
        }

        public Builder<T> onSuccess(Consumer<? super T> handler) {
            this.onSuccess = Objects.requireNonNull(handler);
            return this;
        }

        public Builder<T> onError(Consumer<Throwable> handler) {
            this.onError = Objects.requireNonNull(handler);
            return this;
        }

        public Builder<T> andFinally(Runnable handler) {
            this.andFinally = Objects.requireNonNull(handler);
            return this;
        }

        /** Queues the work; the returned handle cancels it (interrupting the worker). */
        public RunningTask start() {
            AtomicBoolean cancelled = new AtomicBoolean();
            Future<?> future = workers.submit(() -> runAndPublish(cancelled));
            return () -> {
                cancelled.set(true);
                future.cancel(true);
            };
        }

        private void runAndPublish(AtomicBoolean cancelled) {
            try {
                T value = work.call();
                publish(cancelled, () -> onSuccess.accept(value));
            } catch (Exception | LinkageError e) {
                publish(cancelled, () -> onError.accept(e));
            }
        }

        private void publish(AtomicBoolean cancelled, Runnable outcome) {
            ui.execute(() -> {
                try {
                    if (!cancelled.get()) {
                        outcome.run();
                    }
                } finally {
                    andFinally.run();
                }
            });
        }
    }

    /** A task that was started; cancelling it drops its outcome, {@code andFinally} still runs. */
    @FunctionalInterface
    public interface RunningTask {
        void cancel();
    }
}

package dev.vetbench.docker;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Lets a caller on another thread (the window, a check runner) cancel a synchronous engine call.
 *
 * <p>Long operations poll {@link #throwIfCancelled(String)} between steps and register a hook with
 * {@link #onCancel(Runnable)} to abort a blocking stream (a pull, a log follow) at once.
 */
public final class CancellationToken {

    private final List<Runnable> hooks = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    /** A token that nobody will cancel. */
    public static CancellationToken none() {
        return new CancellationToken();
    }

    /**
     * A token that is cancelled when another cancellation source fires, so a check's token can drive engine calls:
     * {@code CancellationToken.following(checkToken::onCancel)}.
     *
     * @param registrar registers a hook with the other source
     */
    public static CancellationToken following(Consumer<Runnable> registrar) {
        CancellationToken token = new CancellationToken();
        registrar.accept(token::cancel);
        return token;
    }

    /** Cancels the operation; hooks run on the calling thread. */
    public void cancel() {
        cancelled = true;
        for (Runnable hook : hooks) {
            hook.run();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Throws a {@link DockerException} with reason {@link DockerException.Reason#CANCELLED} when cancelled.
     *
     * @param what what was being done, e.g. "Pulling medivendor/frontend:1.5.0"
     */
    public void throwIfCancelled(String what) {
        if (cancelled) {
            throw new DockerException(DockerException.Reason.CANCELLED, what + " was cancelled.", null);
        }
    }

    /**
     * Runs the hook when the token is cancelled (at once if it already is).
     *
     * @return closing it removes the hook again
     */
    public AutoCloseableHook onCancel(Runnable hook) {
        hooks.add(hook);
        if (cancelled) {
            hook.run();
        }
        return () -> hooks.remove(hook);
    }

    /** A registration that can be removed without a checked exception. */
    @FunctionalInterface
    public interface AutoCloseableHook extends AutoCloseable {
        @Override
        void close();
    }
}

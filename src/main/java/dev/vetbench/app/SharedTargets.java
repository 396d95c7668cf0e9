package dev.vetbench.app;

import dev.vetbench.docker.CancellationToken;
import dev.vetbench.docker.DockerConnection;
import dev.vetbench.docker.DockerException;
import dev.vetbench.docker.RunningTarget;
import dev.vetbench.docker.TargetProfile;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Containers started for the endpoint checks of the Checks screen, shared by the checks of one version that run at
 * the same time: running a row starts the version once for Heartbleed and downgrade protection together, as the CLI
 * does. The first check to ask starts the container; the others wait for it. The container is removed when the
 * last check using it lets go, so a check that runs later starts a fresh one.
 */
final class SharedTargets {

    // Limitation: no container outlives its last check, so a TLS check run later on its own starts a fresh one.

    private static final long WAIT_STEP_MILLIS = 100;

    private record Key(DockerConnection connection, String reference, TargetProfile profile) {
    }

    private static final class Entry {
        final CompletableFuture<RunningTarget> started = new CompletableFuture<>();
        int leases = 1;
    }

    private final Map<Key, Entry> entries = new HashMap<>();

    /** A running target held by one check; closing it lets go, and the last one out removes the container. */
    interface Lease extends AutoCloseable {
        RunningTarget target();

        @Override
        void close();
    }

    /**
     * The running target of {@code reference} with {@code profile} on {@code connection}, started now or shared
     * with a check that started it.
     *
     * @param cancel cancels the start, or the wait for another check's start
     * @throws DockerException when the target cannot be started, or {@code cancel} is cancelled meanwhile
     */
    Lease acquire(DockerConnection connection, String reference, TargetProfile profile, Consumer<String> log,
            CancellationToken cancel) {
        Key key = new Key(connection, reference, profile);
        while (true) {
            Entry entry;
            boolean starter;
            synchronized (entries) {
                entry = entries.get(key);
                starter = entry == null;
                if (starter) {
                    entry = new Entry();
                    entries.put(key, entry);
                } else {
                    entry.leases++;
                }
            }
            if (starter) {
                return start(key, entry, log, cancel);
            }
            log.accept("sharing the target another check of " + reference + " is starting or using");
            try {
                return lease(key, entry, await(entry, cancel));
            } catch (DockerException e) {
                release(key, entry);
                // The check that was starting it was cancelled; this one was not, so it starts its own.
                if (e.reason() != DockerException.Reason.CANCELLED || cancel.isCancelled()) {
                    throw e;
                }
            }
        }
    }

    private Lease start(Key key, Entry entry, Consumer<String> log, CancellationToken cancel) {
        try {
            RunningTarget target = key.connection().launcher().start(key.reference(), key.profile(), log::accept,
                cancel);
            entry.started.complete(target);
            return lease(key, entry, target);
        } catch (RuntimeException e) {
            synchronized (entries) {
                entries.remove(key, entry);
            }
            entry.started.completeExceptionally(e);
            throw e;
        }
    }

    private static RunningTarget await(Entry entry, CancellationToken cancel) {
        while (true) {
            if (cancel.isCancelled()) {
                throw new DockerException(DockerException.Reason.CANCELLED, "Cancelled while the target started.",
                    null);
            }
            try {
                return entry.started.get(WAIT_STEP_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DockerException(DockerException.Reason.CANCELLED, "Interrupted while the target started.",
                    e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof DockerException docker) {
                    throw docker;
                }
                throw new DockerException(DockerException.Reason.FAILED, "The target could not be started.",
                    e.getCause());
            }
        }
    }

    private Lease lease(Key key, Entry entry, RunningTarget target) {
        return new Lease() {
            private boolean closed;

            @Override
            public RunningTarget target() {
                return target;
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    release(key, entry);
                }
            }
        };
    }

    private void release(Key key, Entry entry) {
        boolean last;
        synchronized (entries) {
            last = --entry.leases == 0;
            if (last) {
                entries.remove(key, entry);
            }
        }
        if (last && entry.started.isDone() && !entry.started.isCompletedExceptionally()) {
            entry.started.join().close();
        }
    }
}

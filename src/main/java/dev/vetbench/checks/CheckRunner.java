package dev.vetbench.checks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a set of checks on a set of targets with bounded parallelism, a deadline per check, cancellation and
 * progress events.
 *
 * <p>The runner always returns one result per (target, check) pair, in target-major order. Whatever a check does
 * wrong becomes an ERROR, never a PASS: an exception or a {@code null} result is {@link ErrorReason#BUG}, a check
 * still running after its deadline (plus a short grace) is abandoned as {@link ErrorReason#TIMEOUT}, and a pair
 * that had not started when the caller cancelled is {@link ErrorReason#CANCELLED}.
 */
public final class CheckRunner {

    /** How long past its deadline a check may take to notice it before the runner abandons it. */
    static final Duration GRACE = Duration.ofMillis(500);

    private static final Logger LOG = LoggerFactory.getLogger(CheckRunner.class);
    private static final AtomicInteger RUNNER_NUMBER = new AtomicInteger();

    private final int parallelism;
    private final Duration timeoutPerCheck;

    /**
     * @param parallelism how many checks run at once (at least 1)
     * @param timeoutPerCheck the deadline each check gets, counted from its own start
     */
    public CheckRunner(int parallelism, Duration timeoutPerCheck) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        if (timeoutPerCheck.isNegative() || timeoutPerCheck.isZero()) {
            throw new IllegalArgumentException("the timeout per check must be positive");
        }
        this.parallelism = parallelism;
        this.timeoutPerCheck = timeoutPerCheck;
    }

    /**
     * Runs every check on every target and waits for all of them. Returns early (with CANCELLED results for what
     * had not started) once {@code cancellation} is cancelled.
     */
    public List<CheckResult> run(List<Check> checks, List<CheckTarget> targets, ProgressListener listener,
            CancellationToken cancellation) {
        ExecutorService supervisors = Executors.newFixedThreadPool(parallelism, threads("supervisor"));
        ExecutorService workers = Executors.newCachedThreadPool(threads("check"));
        try {
            List<Future<CheckResult>> pending = new ArrayList<>();
            for (CheckTarget target : targets) {
                for (Check check : checks) {
                    listener.onEvent(new CheckEvent.Queued(check.id(), target));
                    pending.add(supervisors.submit(() -> supervise(check, target, listener, cancellation, workers)));
                }
            }
            return collect(pending);
        } finally {
            supervisors.shutdownNow();
            workers.shutdownNow();
        }
    }

    /** Runs one check on one target; convenient for the CLI. */
    public CheckResult runOne(Check check, CheckTarget target, ProgressListener listener,
            CancellationToken cancellation) {
        return run(List.of(check), List.of(target), listener, cancellation).get(0);
    }

    private static List<CheckResult> collect(List<Future<CheckResult>> pending) {
        List<CheckResult> results = new ArrayList<>();
        for (Future<CheckResult> future : pending) {
            try {
                results.add(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for checks", e);
            } catch (ExecutionException e) {
                // supervise() catches everything itself; reaching this is a bug in the runner.
                throw new IllegalStateException("check supervisor failed", e.getCause());
            }
        }
        return results;
    }

    private CheckResult supervise(Check check, CheckTarget target, ProgressListener listener,
            CancellationToken callerCancellation, ExecutorService workers) {
        Instant startedAt = Instant.now();
        CheckResult result;
        if (callerCancellation.isCancelled()) {
            result = CheckResult.error(check.id(), target, ErrorReason.CANCELLED,
                "The check was cancelled before it started.", Evidence.empty(), startedAt);
        } else {
            listener.onEvent(new CheckEvent.Started(check.id(), target));
            result = runGuarded(check, target, listener, callerCancellation, workers, startedAt);
        }
        LOG.info("{} on {}: {} in {} ms", check.id(), target.description(), result.verdict(),
            result.duration().toMillis());
        listener.onEvent(new CheckEvent.Finished(check.id(), target, result));
        return result;
    }

    private CheckResult runGuarded(Check check, CheckTarget target, ProgressListener listener,
            CancellationToken callerCancellation, ExecutorService workers, Instant startedAt) {
        CancellationToken token = new CancellationToken();
        callerCancellation.onCancel(token::cancel);
        CheckContext context = new CheckContext(startedAt.plus(timeoutPerCheck), token, listener, check.id(),
            target);
        Future<CheckResult> future = workers.submit(() -> check.run(target, context));

        try {
            long waitMillis = context.remaining().plus(GRACE).toMillis();
            return validated(check, target, future.get(waitMillis, TimeUnit.MILLISECONDS), startedAt);
        } catch (TimeoutException e) {
            token.cancel();
            future.cancel(true);
            return abandoned(check, target, callerCancellation.isCancelled(), startedAt);
        } catch (ExecutionException e) {
            return bug(check, target, e.getCause(), startedAt);
        } catch (InterruptedException e) {
            token.cancel();
            future.cancel(true);
            Thread.currentThread().interrupt();
            return abandoned(check, target, true, startedAt);
        } finally {
            token.cancel();
        }
    }

    private CheckResult abandoned(Check check, CheckTarget target, boolean cancelled, Instant startedAt) {
        if (cancelled) {
            return CheckResult.error(check.id(), target, ErrorReason.CANCELLED,
                "The check was cancelled while it ran.", Evidence.empty(), startedAt);
        }
        Evidence evidence = Evidence.builder().fact("timeout", timeoutPerCheck.toMillis() + " ms").build();
        return CheckResult.error(check.id(), target, ErrorReason.TIMEOUT,
            "The check did not finish within " + timeoutPerCheck.toMillis() + " ms; try a longer timeout.",
            evidence, startedAt);
    }

    private static CheckResult validated(Check check, CheckTarget target, CheckResult result, Instant startedAt) {
        if (result == null) {
            return CheckResult.error(check.id(), target, ErrorReason.BUG,
                "The " + check.id() + " check returned no result; this is a bug in Vetbench.", Evidence.empty(),
                startedAt);
        }
        return result;
    }

    private static CheckResult bug(Check check, CheckTarget target, Throwable cause, Instant startedAt) {
        LOG.error("The {} check failed unexpectedly on {}", check.id(), target.description(), cause);
        Evidence evidence = Evidence.builder()
            .fact("exception", cause.getClass().getName())
            .fact("message", String.valueOf(cause.getMessage()))
            .build();
        return CheckResult.error(check.id(), target, ErrorReason.BUG, "The " + check.id()
            + " check failed unexpectedly (" + cause.getClass().getSimpleName()
            + "); this is a bug in Vetbench, please report it with the log.", evidence, startedAt);
    }

    private static ThreadFactory threads(String role) {
        int runner = RUNNER_NUMBER.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "vetbench-" + role + "-" + runner + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

package dev.vetbench.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.tls.StartTls;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** The runner with small real checks whose behaviour the test chooses. */
class CheckRunnerTest {

    private static final CheckTarget FIRST = CheckTarget.of("127.0.0.1", 1001, StartTls.NONE);
    private static final CheckTarget SECOND = new CheckTarget("127.0.0.1", 1002, StartTls.NONE,
        "medivendor/frontend:1.5.0@sha256:abc");

    @Test
    void runsEveryCheckOnEveryTargetInTargetMajorOrder() {
        Check a = check("a", (target, context) -> pass("a", target));
        Check b = check("b", (target, context) -> pass("b", target));

        List<CheckResult> results = new CheckRunner(2, Duration.ofSeconds(5)).run(List.of(a, b),
            List.of(FIRST, SECOND), ProgressListener.NONE, new CancellationToken());

        assertThat(results).extracting(r -> r.checkId() + "@" + r.target())
            .containsExactly("a@127.0.0.1:1001", "b@127.0.0.1:1001", "a@" + SECOND.description(),
                "b@" + SECOND.description());
        assertThat(results).allMatch(CheckResult::passed);
    }

    @Test
    void exceptionBecomesErrorBugWithAMessageNeverAPass() {
        Check broken = check("broken", (target, context) -> {
            throw new IllegalStateException("boom");
        });

        CheckResult result = new CheckRunner(1, Duration.ofSeconds(5)).runOne(broken, FIRST, ProgressListener.NONE,
            new CancellationToken());

        assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(result.passed()).isFalse();
        assertThat(result.errorReason()).isEqualTo(ErrorReason.BUG);
        assertThat(result.summary()).contains("broken check failed unexpectedly (IllegalStateException)");
        assertThat(result.evidence().facts()).containsEntry("message", "boom");
    }

    @Test
    void nullResultBecomesErrorBug() {
        Check lazy = check("lazy", (target, context) -> null);

        CheckResult result = new CheckRunner(1, Duration.ofSeconds(5)).runOne(lazy, FIRST, ProgressListener.NONE,
            new CancellationToken());

        assertThat(result.errorReason()).isEqualTo(ErrorReason.BUG);
    }

    @Test
    void checkThatIgnoresItsDeadlineIsAbandonedAsTimeout() {
        Check stubborn = check("stubborn", (target, context) -> {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (System.nanoTime() < end) {
                Thread.onSpinWait(); // ignores interrupts and cancellation on purpose
            }
            return pass("stubborn", target);
        });
        Instant start = Instant.now();

        CheckResult result = new CheckRunner(1, Duration.ofMillis(300)).runOne(stubborn, FIRST,
            ProgressListener.NONE, new CancellationToken());

        assertThat(result.errorReason()).isEqualTo(ErrorReason.TIMEOUT);
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void deadlineAndCancellationReachTheCheck() {
        List<Duration> seen = Collections.synchronizedList(new ArrayList<>());
        Check polite = check("polite", (target, context) -> {
            seen.add(context.remaining());
            while (!context.isCancelled()) {
                Thread.onSpinWait();
            }
            return CheckResult.error("polite", target, ErrorReason.TIMEOUT, "stopped when told",
                Evidence.empty(), Instant.now());
        });

        CheckResult result = new CheckRunner(1, Duration.ofMillis(400)).runOne(polite, FIRST,
            ProgressListener.NONE, new CancellationToken());

        assertThat(seen.get(0)).isBetween(Duration.ofMillis(1), Duration.ofMillis(400));
        assertThat(result.errorReason()).isEqualTo(ErrorReason.TIMEOUT);
    }

    @Test
    void parallelismIsBounded() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Check slow = check("slow", (target, context) -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            sleep(100);
            running.decrementAndGet();
            return pass("slow", target);
        });
        List<CheckTarget> targets = new ArrayList<>();
        for (int port = 2000; port < 2008; port++) {
            targets.add(CheckTarget.of("127.0.0.1", port, StartTls.NONE));
        }

        new CheckRunner(3, Duration.ofSeconds(5)).run(List.of(slow), targets, ProgressListener.NONE,
            new CancellationToken());

        assertThat(most.get()).isBetween(2, 3);
    }

    @Test
    void cancellingStopsRunningChecksAndMarksTheRestCancelled() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Check waiting = check("waiting", (target, context) -> {
            started.countDown();
            while (!context.isCancelled()) {
                sleep(5);
            }
            return CheckResult.error("waiting", target, ErrorReason.CANCELLED, "cancelled", Evidence.empty(),
                Instant.now());
        });
        CancellationToken token = new CancellationToken();
        Thread canceller = new Thread(() -> {
            await(started);
            token.cancel();
        });
        canceller.start();

        List<CheckResult> results = new CheckRunner(1, Duration.ofSeconds(30)).run(List.of(waiting),
            List.of(FIRST, SECOND), ProgressListener.NONE, token);

        assertThat(results).extracting(CheckResult::errorReason).containsOnly(ErrorReason.CANCELLED);
        assertThat(results).noneMatch(CheckResult::passed);
    }

    @Test
    void progressEventsArriveInOrderForEachPair() {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        Check talkative = check("talkative", (target, context) -> {
            context.progress("step one");
            return pass("talkative", target);
        });

        new CheckRunner(1, Duration.ofSeconds(5)).runOne(talkative, FIRST, event -> events.add(
            event.getClass().getSimpleName() + (event instanceof CheckEvent.Progress p ? ":" + p.message() : "")),
            new CancellationToken());

        assertThat(events).containsExactly("Queued", "Started", "Progress:step one", "Finished");
    }

    @Test
    void registryListsTheFourChecksByIdInReportOrder() {
        CheckRegistry registry = CheckRegistry.standard();

        assertThat(registry.ids()).containsExactly("heartbleed", "fallback-scsv", "proxy-protocol",
            "volume-encryption");
        assertThat(registry.find("heartbleed")).isPresent();
        assertThat(registry.find("nope")).isEmpty();
    }

    private static CheckResult pass(String id, CheckTarget target) {
        return CheckResult.conclusive(id, target, Verdict.PASS, "fine", Evidence.empty(), Instant.now());
    }

    private static Check check(String id, BiFunction<CheckTarget, CheckContext, CheckResult> body) {
        return new Check() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String title() {
                return id;
            }

            @Override
            public String hipaaReference() {
                return "none";
            }

            @Override
            public CheckResult run(CheckTarget target, CheckContext context) {
                return body.apply(target, context);
            }
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

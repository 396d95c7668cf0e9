package dev.vetbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundTasksTest {

    private final LinkedBlockingQueue<Runnable> uiQueue = new LinkedBlockingQueue<>();

    @Test
    void workRunsOffTheCallingThreadAndTheOutcomeIsPublishedOnTheUiExecutor() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        try (BackgroundTasks tasks = new BackgroundTasks(BackgroundTasks.boundedWorkers(1), uiQueue::add)) {
            tasks.create(() -> Thread.currentThread().getName())
                .onSuccess(worker -> events.add("success on " + worker))
                .andFinally(() -> events.add("finally"))
                .start();
            runUiQueue(1);
        }

        assertThat(events).containsExactly("success on vetbench-worker-1", "finally");
    }

    @Test
    void aFailureReachesOnErrorAndNotOnSuccess() throws Exception {
        List<Object> events = new CopyOnWriteArrayList<>();
        try (BackgroundTasks tasks = new BackgroundTasks(BackgroundTasks.boundedWorkers(1), uiQueue::add)) {
            tasks.create(() -> {
                throw new IllegalStateException("engine gone");
            }).onSuccess(events::add).onError(error -> events.add(error.getMessage())).start();
            runUiQueue(1);
        }

        assertThat(events).containsExactly("engine gone");
    }

    @Test
    void aCancelledTaskIsInterruptedAndOnlyItsFinallyRuns() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        List<String> events = new CopyOnWriteArrayList<>();
        try (BackgroundTasks tasks = new BackgroundTasks(BackgroundTasks.boundedWorkers(1), uiQueue::add)) {
            BackgroundTasks.RunningTask task = tasks.create(() -> {
                started.countDown();
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    throw e;
                }
                return "late";
            }).onSuccess(events::add).onError(e -> events.add("error")).andFinally(() -> events.add("finally"))
                .start();
            started.await(5, TimeUnit.SECONDS);
            task.cancel();

            assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
            runUiQueue(1);
        }

        assertThat(events).containsExactly("finally");
    }

    private void runUiQueue(int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            Runnable next = uiQueue.poll(5, TimeUnit.SECONDS);
            assertThat(next).as("an outcome published to the UI executor").isNotNull();
            next.run();
        }
    }
}

package dev.vetbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DebouncerTest {

    @Test
    void aBurstOfValuesPassesOnOnlyItsLastOne() {
        List<String> passed = new CopyOnWriteArrayList<>();
        try (Debouncer<String> debouncer = new Debouncer<>(Duration.ofHours(1), passed::add)) {
            debouncer.offer("M");
            debouncer.offer("Me");
            debouncer.offer("MediVendor");

            assertThat(passed).isEmpty();
            debouncer.flush();
            debouncer.flush();
        }

        assertThat(passed).containsExactly("MediVendor");
    }

    @Test
    void theLastValueArrivesOnItsOwnOnceTypingStopsAndOffTheCallersThread() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        AtomicReference<String> value = new AtomicReference<>();
        AtomicReference<Thread> thread = new AtomicReference<>();
        try (Debouncer<String> debouncer = new Debouncer<>(Duration.ofMillis(20), text -> {
            value.set(text);
            thread.set(Thread.currentThread());
            arrived.countDown();
        })) {
            debouncer.offer("Patient Records Suite");

            assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(value.get()).isEqualTo("Patient Records Suite");
        assertThat(thread.get()).isNotSameAs(Thread.currentThread());
        assertThat(thread.get().getName()).isEqualTo("vetbench-debounce");
    }

    @Test
    void aCancelledValueIsNeverPassedOn() {
        List<String> passed = new CopyOnWriteArrayList<>();
        try (Debouncer<String> debouncer = new Debouncer<>(Duration.ofHours(1), passed::add)) {
            debouncer.offer("typed before opening another file");
            debouncer.cancel();
        }

        assertThat(passed).isEmpty();
    }
}

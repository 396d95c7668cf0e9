package dev.vetbench.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Cancelling engine calls from another thread or another cancellation source. */
class CancellationTokenTest {

    @Test
    void hooksRunOnCancelAndCancelledTokensThrowOneSentence() {
        CancellationToken token = new CancellationToken();
        AtomicInteger hooks = new AtomicInteger();
        token.onCancel(hooks::incrementAndGet);

        token.cancel();

        assertThat(hooks).hasValue(1);
        assertThatThrownBy(() -> token.throwIfCancelled("Pulling medivendor/frontend:1.5.0"))
            .isInstanceOf(DockerException.class).hasMessage("Pulling medivendor/frontend:1.5.0 was cancelled.");
    }

    @Test
    void followingTokenIsCancelledByItsSource() {
        List<Runnable> sourceHooks = new ArrayList<>();
        CancellationToken token = CancellationToken.following(sourceHooks::add);

        sourceHooks.forEach(Runnable::run);

        assertThat(token.isCancelled()).isTrue();
    }

    @Test
    void removedHookDoesNotRun() {
        CancellationToken token = new CancellationToken();
        AtomicInteger hooks = new AtomicInteger();
        token.onCancel(hooks::incrementAndGet).close();

        token.cancel();

        assertThat(hooks).hasValue(0);
    }
}

package dev.vetbench.ui.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.ui.common.BackgroundTasks;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Host screen's behaviour, without the FX toolkit: results are published on the worker thread. */
class HostViewModelTest {

    private static final HostSpec LOCAL = new HostSpec("unix:///var/run/docker.sock", null, "local socket");

    private final BackgroundTasks tasks = new BackgroundTasks(BackgroundTasks.boundedWorkers(2), Runnable::run);
    private final List<String> remembered = new ArrayList<>();

    @AfterEach
    void stopWorkers() {
        tasks.close();
    }

    @Test
    void connectingToTheDefaultEngineShowsWhatItSaid() throws Exception {
        HostViewModel model = new HostViewModel(new FixedEngine(), tasks, List.of(), remembered::add);

        model.connectDefault();
        awaitState(model, HostViewModel.State.CONNECTED);

        assertThat(model.engineProperty().get().version()).isEqualTo("20.10.24");
        assertThat(model.statusProperty().get())
            .isEqualTo("Connected to Docker Engine 20.10.24 at unix:///var/run/docker.sock.");
        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.recentHosts()).containsExactly(LOCAL.uri());
        assertThat(remembered).containsExactly(LOCAL.uri());
    }

    @Test
    void anEngineThatDoesNotAnswerGivesOneSentenceAndAnErrorCode() throws Exception {
        HostViewModel model = new HostViewModel(new DeadEngine(), tasks, List.of("tcp://old:2375"),
            remembered::add);

        model.connectDefault();
        awaitState(model, HostViewModel.State.FAILED);

        assertThat(model.errorProperty().get().sentence()).isEqualTo("No Docker engine answers at "
            + "unix:///var/run/docker.sock. Start Docker (sudo systemctl start docker) or enter a host below.");
        assertThat(model.errorProperty().get().code()).matches("VB-[0-9A-F]{4}-[0-9A-F]{4}");
        assertThat(model.errorProperty().get().details()).contains("Connection refused");
        assertThat(model.engineProperty().get()).isNull();
        assertThat(model.recentHosts()).containsExactly("tcp://old:2375");
        assertThat(remembered).isEmpty();
    }

    @Test
    void anEmptyAddressIsRefusedWithAnExampleAndNothingRuns() {
        HostViewModel model = new HostViewModel(new FixedEngine(), tasks, List.of(), remembered::add);
        model.addressProperty().set("   ");

        model.connectEntered();

        assertThat(model.stateProperty().get()).isEqualTo(HostViewModel.State.FAILED);
        assertThat(model.errorProperty().get().sentence()).startsWith("Enter a Docker host, e.g. unix://");
    }

    @Test
    void cancellingASlowConnectionDropsItsOutcome() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HostViewModel model = new HostViewModel(new SlowEngine(release), tasks, List.of(), remembered::add);
        model.addressProperty().set("tcp://10.0.0.5:2375");

        model.connectEntered();
        assertThat(model.stateProperty().get()).isEqualTo(HostViewModel.State.CONNECTING);
        model.cancel();
        release.countDown();
        Thread.sleep(200);

        assertThat(model.stateProperty().get()).isEqualTo(HostViewModel.State.IDLE);
        assertThat(model.engineProperty().get()).isNull();
        assertThat(model.statusProperty().get()).startsWith("Connection cancelled.");
    }

    private static void awaitState(HostViewModel model, HostViewModel.State wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (model.stateProperty().get() != wanted && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(model.stateProperty().get()).isEqualTo(wanted);
    }

    /** An engine that answers at once; the Docker-backed wiring is tested in dev.vetbench.app. */
    private static final class FixedEngine implements EngineConnector {
        @Override
        public HostSpec defaultHost() {
            return LOCAL;
        }

        @Override
        public EngineSummary connect(HostSpec host) {
            return new EngineSummary(host, "20.10.24", "1.41", "Debian GNU/Linux 12 (bookworm)", "6.1.0",
                "x86_64", "overlay2", "vm");
        }
    }

    private static final class DeadEngine implements EngineConnector {
        @Override
        public HostSpec defaultHost() {
            return LOCAL;
        }

        @Override
        public EngineSummary connect(HostSpec host) throws EngineUnavailableException {
            throw new EngineUnavailableException("No Docker engine answers at " + host.uri() + ". Start Docker "
                + "(sudo systemctl start docker) or enter a host below.",
                new ConnectException("Connection refused"));
        }
    }

    private record SlowEngine(CountDownLatch release) implements EngineConnector {
        @Override
        public HostSpec defaultHost() {
            return LOCAL;
        }

        @Override
        public EngineSummary connect(HostSpec host) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new FixedEngine().connect(host);
        }
    }
}

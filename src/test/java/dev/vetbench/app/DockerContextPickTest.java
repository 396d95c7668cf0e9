package dev.vetbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.testbed.DockerContextFiles;
import dev.vetbench.testbed.TestBed;
import dev.vetbench.ui.common.BackgroundTasks;
import dev.vetbench.ui.host.HostContext;
import dev.vetbench.ui.host.HostViewModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Host screen's model over the real connector: the assessor picks a Docker context and gets its engine. */
class DockerContextPickTest {

    @TempDir
    Path temp;

    private final BackgroundTasks tasks = new BackgroundTasks(BackgroundTasks.boundedWorkers(2), Runnable::run);
    private DockerEngineConnector connector;

    @AfterEach
    void close() {
        tasks.close();
        if (connector != null) {
            connector.close();
        }
    }

    @Test
    void pickingAContextOnTheLocalSocketConnectsAndShowsTheEngineVersion() throws Exception {
        TestBed.requireDocker();
        Path config = Files.createDirectories(temp.resolve("docker-config"));
        DockerContextFiles.write(config, "nowhere", "", "tcp://127.0.0.1:1", null);
        DockerContextFiles.write(config, "workstation", "this machine", "unix:///var/run/docker.sock", null);
        Files.writeString(config.resolve("config.json"), "{\"currentContext\": \"nowhere\"}");
        connector = new DockerEngineConnector(Map.of("DOCKER_CONFIG", config.toString()), temp);
        HostViewModel model = new HostViewModel(connector, tasks, List.of(), uri -> { });

        model.refreshContexts();
        await(() -> model.contexts().size() == 3);
        HostContext workstation = model.contexts().get(2);
        model.connect(workstation);
        await(() -> model.stateProperty().get() == HostViewModel.State.CONNECTED);

        String version = dockerServerVersion();
        assertThat(model.contexts()).extracting(HostContext::name).containsExactly("default", "nowhere",
            "workstation");
        assertThat(model.contexts()).extracting(HostContext::current).containsExactly(false, true, false);
        assertThat(workstation.description()).isEqualTo("this machine");
        assertThat(model.engineProperty().get().version()).isEqualTo(version);
        assertThat(model.engineProperty().get().host().source()).isEqualTo("Docker context 'workstation'");
        assertThat(model.statusProperty().get())
            .isEqualTo("Connected to Docker Engine " + version + " at unix:///var/run/docker.sock.");
        assertThat(connector.current()).isPresent();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as("condition reached within 20 s").isTrue();
    }

    private static String dockerServerVersion() throws Exception {
        Process docker = new ProcessBuilder(List.of("docker", "version", "--format", "{{.Server.Version}}"))
            .redirectErrorStream(true).start();
        String output = new String(docker.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(docker.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(docker.exitValue()).as(output).isZero();
        return output;
    }
}

package dev.vetbench.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.testbed.TestBed;
import org.junit.jupiter.api.Test;

/** Connecting to the real engine the test bed runs. */
class DockerConnectionTest {

    @Test
    void connectingReadsWhatTheEngineIs() {
        TestBed.requireDocker();

        try (DockerConnection docker = DockerConnection.connect()) {
            EngineInfo engine = docker.engine();

            assertThat(engine.engineVersion()).matches("\\d+\\.\\d+.*");
            assertThat(engine.apiVersion()).matches("1\\.\\d+");
            assertThat(engine.osType()).isEqualTo("linux");
            assertThat(engine.architecture()).isNotBlank();
            assertThat(engine.storageDriver()).isNotBlank();
            assertThat(engine.cgroupVersion()).isIn("1", "2");
            assertThat(docker.host().transport()).isEqualTo(DockerHostSpec.Transport.UNIX);
        }
    }
}

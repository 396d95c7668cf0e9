package dev.vetbench.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vetbench.testbed.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Short-lived helper containers: run to the end, read what they were shown, and leave nothing behind. */
class HelperRunTest {

    private static final String BASE = "vetbench-testbed/base:bookworm";

    @TempDir
    Path temp;

    private static List<?> helpersOfThisProcess(DockerConnection docker) {
        return docker.quickClient().listContainersCmd().withShowAll(true)
            .withNameFilter(List.of("vetbench-helper-"))
            .withLabelFilter(Map.of("dev.vetbench.owner.pid", Long.toString(ProcessHandle.current().pid())))
            .exec();
    }

    @Test
    void helperReadsAReadOnlyBindAndIsRemoved() throws Exception {
        TestBed.requireDocker();
        Files.writeString(temp.resolve("marker.txt"), "seen by the helper\n");

        try (DockerConnection docker = DockerConnection.connect()) {
            CompletedRun run = docker.launcher().runToCompletion(BASE,
                List.of("sh", "-c", "cat /probe/marker.txt; touch /probe/x 2>/dev/null || echo read-only; exit 3"),
                List.of(VolumeSpec.bind(temp.toString(), "/probe", true)), false, Duration.ofSeconds(30),
                CancellationToken.none());

            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.output()).containsExactly("seen by the helper", "read-only");
            assertThat(helpersOfThisProcess(docker)).isEmpty();
        }
    }

    @Test
    void helperThatRunsTooLongIsStoppedAndRemoved() {
        TestBed.requireDocker();

        try (DockerConnection docker = DockerConnection.connect()) {
            DockerException failure = catchThrowableOfType(DockerException.class, () -> docker.launcher()
                .runToCompletion(BASE, List.of("sleep", "60"), List.of(), false, Duration.ofSeconds(1),
                    CancellationToken.none()));

            assertThat(failure).hasMessage("The helper container from " + BASE
                + " did not finish within 1 s; it was removed.");
            assertThat(helpersOfThisProcess(docker)).isEmpty();
        }
    }
}

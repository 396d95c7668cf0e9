package dev.vetbench.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.testbed.TestBed;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Containers of a Vetbench process that was killed are removed the next time Vetbench connects. */
class LeftoverRemovalTest {

    @Test
    void nextConnectionRemovesTheContainersOfAKilledJvm() throws Exception {
        TestBed.requireDocker();
        String profile = "leftover-test-" + ProcessHandle.current().pid();
        Process child = startChild(profile);
        String containerId;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            containerId = awaitStarted(out);
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }

        // Seen with the docker CLI, since connecting is what cleans up.
        assertThat(dockerPs(profile)).containsExactly(containerId);

        try (DockerConnection next = DockerConnection.connect()) {
            assertThat(Leftovers.containersOfProfile(next, profile)).isEmpty();
        }
        assertThat(dockerPs(profile)).isEmpty();
    }

    @Test
    void containersOfLiveProcessesAreLeftAlone() {
        TestBed.requireDocker();
        TargetProfile profile = TargetProfiles.builtIn("nginx-tls-frontend").withName("leftover-test-alive");

        try (DockerConnection first = DockerConnection.connect();
                RunningTarget target = first.launcher().start(TestBed.FRONTEND_FIXED, profile);
                DockerConnection second = DockerConnection.connect()) {
            assertThat(second.removeLeftovers()).isZero();
            assertThat(target.isRunning()).isTrue();
        }
    }

    private static List<String> dockerPs(String profile) throws Exception {
        Process ps = new ProcessBuilder("docker", "ps", "-a", "--no-trunc", "-q", "--filter",
            "label=dev.vetbench.profile=" + profile).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ps.waitFor(30, TimeUnit.SECONDS);
        return output.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static Process startChild(String profile) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
            LeftoverOwnerMain.class.getName(), profile)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    }

    private static String awaitStarted(BufferedReader out) throws Exception {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("STARTED ")) {
                return line.substring("STARTED ".length()).strip();
            }
        }
        throw new AssertionError("the child JVM ended without starting a target");
    }
}

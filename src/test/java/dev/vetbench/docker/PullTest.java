package dev.vetbench.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vetbench.testbed.RegistryLogin;
import dev.vetbench.testbed.TestBed;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pulling image versions from the test bed's registries through the engine. */
class PullTest {

    private static DockerConnection docker;

    @TempDir
    Path temp;

    @BeforeAll
    static void connect() {
        TestBed.requireDocker();
        docker = DockerConnection.connect();
    }

    @AfterAll
    static void disconnect() {
        if (docker != null) {
            docker.close();
        }
    }

    @Test
    void pullFromTheRegistryReportsLayerProgress() throws Exception {
        // A one-layer image of random bytes that only the registry holds, so the engine must download it.
        // One tag, overwritten by every run, so the registry's list does not grow.
        ImageRef probe = ImageRef.parse(TestBed.REGISTRY + "/vetbench-test/pull-probe:latest");
        pushRandomImage(probe);
        List<PullProgress> events = new CopyOnWriteArrayList<>();
        try {
            ImageVersion pulled = docker.pull(probe, null, events::add, CancellationToken.none());

            assertThat(pulled.reference()).isEqualTo(probe.toString());
            assertThat(pulled.digest()).matches("sha256:[0-9a-f]{64}");
            assertThat(events).anyMatch(event -> event.status().startsWith("Downloading") && event.total() > 0
                && event.current() > 0 && !event.layerId().isEmpty());
            assertThat(events).anyMatch(event -> event.status().equals("Pull complete"));
        } finally {
            docker("rmi", "-f", probe.toString());
        }
    }

    @Test
    void pullFromTheAuthenticatedRegistryWithCredentials() {
        ImageRef image = ImageRef.parse(TestBed.AUTH_REGISTRY + "/" + TestBed.FRONTEND_FIXED);
        RegistryCredentials credentials = RegistryCredentials.withPasswordFile(RegistryLogin.USER,
            RegistryClientTest.AUTH_PASSWORD);
        List<PullProgress> events = new CopyOnWriteArrayList<>();

        ImageVersion pulled = docker.pull(image, credentials, events::add, CancellationToken.none());

        assertThat(pulled.digest()).isEqualTo(RegistryClient.open("https://" + TestBed.AUTH_REGISTRY, credentials,
            RegistryClientTest.AUTH_CA).digest(TestBed.FRONTEND, "1.5.0"));
        assertThat(events).anyMatch(event -> event.status().startsWith("Digest: sha256:")
            || event.status().startsWith("Status: "));
    }

    @Test
    void wrongCredentialsAreRefused() {
        ImageRef image = ImageRef.parse(TestBed.AUTH_REGISTRY + "/" + TestBed.FRONTEND_FIXED);

        DockerException failure = catchThrowableOfType(DockerException.class, () -> docker.pull(image,
            new RegistryCredentials(RegistryLogin.USER, "wrong-password-0815"), PullListener.NONE,
            CancellationToken.none()));

        assertThat(failure.reason()).isEqualTo(DockerException.Reason.REGISTRY_REFUSED);
        assertThat(failure).hasMessage("Registry " + TestBed.AUTH_REGISTRY + " refused to let Docker pull " + image
            + "; check the user name and password.");
        assertThat(failure.toString()).doesNotContain("wrong-password-0815");
    }

    @Test
    void cancelledPullStopsWithOneSentence() {
        ImageRef image = ImageRef.parse(TestBed.REGISTRY + "/" + TestBed.FRONTEND_FLAWED);
        CancellationToken cancel = new CancellationToken();
        cancel.cancel();

        DockerException failure = catchThrowableOfType(DockerException.class,
            () -> docker.pull(image, null, PullListener.NONE, cancel));

        assertThat(failure.reason()).isEqualTo(DockerException.Reason.CANCELLED);
        assertThat(failure).hasMessage("Pulling " + image + " was cancelled.");
    }

    @Test
    void tagThatDoesNotExistIsNotFound() {
        ImageRef image = ImageRef.parse(TestBed.REGISTRY + "/medivendor/frontend:9.9.9");

        DockerException failure = catchThrowableOfType(DockerException.class,
            () -> docker.pull(image, null, PullListener.NONE, CancellationToken.none()));

        assertThat(failure.reason()).isEqualTo(DockerException.Reason.NOT_FOUND);
        assertThat(failure).hasMessage("Image " + image + " was not found in registry " + TestBed.REGISTRY
            + "; check the repository and tag.");
    }

    @Test
    void registryThatIsNotRunningIsUnreachable() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        ImageRef image = ImageRef.parse("127.0.0.1:" + port + "/medivendor/frontend:1.5.0");

        DockerException failure = catchThrowableOfType(DockerException.class,
            () -> docker.pull(image, null, PullListener.NONE, CancellationToken.none()));

        assertThat(failure.reason()).isEqualTo(DockerException.Reason.UNREACHABLE);
        assertThat(failure).hasMessage("The Docker engine at " + docker.host().uri() + " could not reach registry "
            + "127.0.0.1:" + port
            + " to pull " + image + "; check that the registry runs and the engine can reach it.");
    }

    private void pushRandomImage(ImageRef image) throws Exception {
        Path root = Files.createDirectories(temp.resolve("root"));
        byte[] noise = new byte[2 * 1024 * 1024];
        new SecureRandom().nextBytes(noise);
        Files.write(root.resolve("noise.bin"), noise);
        Path tar = temp.resolve("layer.tar");
        run(List.of("tar", "-C", root.toString(), "-cf", tar.toString(), "."));
        run(List.of("docker", "import", tar.toString(), image.toString()));
        run(List.of("docker", "push", image.toString()));
        run(List.of("docker", "rmi", image.toString()));
    }

    private static void docker(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("docker"));
        command.addAll(List.of(arguments));
        run(command);
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }
}

package dev.vetbench.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hosts that are not a working Docker engine each fail fast with one clear sentence. */
class EngineConnectionFailuresTest {

    @TempDir
    Path temp;

    @Test
    void unreachableTcpHostFailsFastWithOneSentence() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        long start = System.nanoTime();

        DockerException failure = catchThrowableOfType(DockerException.class,
            () -> DockerConnection.connect(DockerHostSpec.tcp("127.0.0.1", port)));

        assertThat(failure.reason()).isEqualTo(DockerException.Reason.UNREACHABLE);
        assertThat(failure).hasMessage("No Docker engine answers at tcp://127.0.0.1:" + port
            + "; check that the engine is running and the address is right.");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    }

    @Test
    void missingSocketSaysItDoesNotExist() {
        Path socket = temp.resolve("nothing.sock");

        DockerException failure = catchThrowableOfType(DockerException.class,
            () -> DockerConnection.connect(DockerHostSpec.unixSocket(socket)));

        assertThat(failure.reason()).isEqualTo(DockerException.Reason.UNREACHABLE);
        assertThat(failure).hasMessage("No Docker engine at unix://" + socket
            + ": the socket does not exist; start the engine or point --host or DOCKER_HOST at it.");
    }

    @Test
    void plainFileInsteadOfSocketIsNotDocker() throws Exception {
        Path file = Files.writeString(temp.resolve("docker.sock"), "not a socket");

        DockerException failure = catchThrowableOfType(DockerException.class,
            () -> DockerConnection.connect(DockerHostSpec.unixSocket(file)));

        assertThat(failure.reason()).isEqualTo(DockerException.Reason.NOT_DOCKER);
        assertThat(failure).hasMessage("unix://" + file + " is not a socket, so it is not a Docker engine; point "
            + "--host or DOCKER_HOST at the engine's socket.");
    }

    @Test
    void socketSpeakingAnotherProtocolIsNotDocker() throws Exception {
        Path socket = temp.resolve("ssh.sock");
        try (AutoCloseable server = FakeEndpoints.sshLikeUnixSocket(socket)) {
            DockerException failure = catchThrowableOfType(DockerException.class,
                () -> DockerConnection.connect(DockerHostSpec.unixSocket(socket)));

            assertThat(failure.reason()).isEqualTo(DockerException.Reason.NOT_DOCKER);
            assertThat(failure).hasMessage("Something answers at unix://" + socket
                + ", but it is not a Docker engine; check the address.");
        }
    }

    @Test
    void engineCertificateFromAnotherAuthorityFailsTheTlsHandshake() throws Exception {
        FakeEndpoints.makeCertificates(temp);
        Path certs = temp.resolve("certs");
        try (ServerSocket server = FakeEndpoints.tlsServer(temp.resolve("server.p12"))) {
            int port = server.getLocalPort();

            DockerException failure = catchThrowableOfType(DockerException.class,
                () -> DockerConnection.connect(DockerHostSpec.tls("127.0.0.1", port, certs)));

            assertThat(failure.reason()).isEqualTo(DockerException.Reason.TLS_FAILED);
            assertThat(failure).hasMessage("The TLS handshake with the Docker engine at tcp://127.0.0.1:" + port
                + " failed; check that the certificates in " + certs + " belong to that engine.");
        }
    }
}

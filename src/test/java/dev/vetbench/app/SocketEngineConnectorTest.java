package dev.vetbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vetbench.testbed.TestBed;
import dev.vetbench.ui.host.EngineSummary;
import dev.vetbench.ui.host.EngineUnavailableException;
import dev.vetbench.ui.host.HostSpec;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SocketEngineConnectorTest {

    private final SocketEngineConnector connector =
        new SocketEngineConnector(new DockerEndpoints(Map.of(), Path.of("/nonexistent")));

    @Test
    void theLocalEngineReportsItsVersionOsArchitectureAndStorageDriver() throws Exception {
        TestBed.requireDocker();

        EngineSummary engine = connector.connect(connector.defaultHost());

        assertThat(engine.version()).matches("\\d+\\.\\d+.*");
        assertThat(engine.apiVersion()).matches("1\\.\\d+");
        assertThat(engine.operatingSystem()).isNotBlank().isNotEqualTo("?");
        assertThat(engine.architecture()).isNotBlank().isNotEqualTo("?");
        assertThat(engine.storageDriver()).isNotBlank().isNotEqualTo("?");
    }

    @Test
    @Timeout(10)
    void aClosedTcpPortSaysNoEngineAnswersThere() {
        HostSpec dead = HostSpec.entered("tcp://127.0.0.1:1", null);

        assertThatThrownBy(() -> connector.connect(dead))
            .isInstanceOf(EngineUnavailableException.class)
            .hasMessageStartingWith("No Docker engine answers at tcp://127.0.0.1:1.");
    }

    @Test
    @Timeout(10)
    void aMissingSocketSaysHowToStartDocker() {
        HostSpec missing = HostSpec.entered("unix:///nonexistent/docker.sock", null);

        assertThatThrownBy(() -> connector.connect(missing))
            .isInstanceOf(EngineUnavailableException.class)
            .hasMessage("No Docker engine answers at unix:///nonexistent/docker.sock. Start Docker "
                + "(sudo systemctl start docker) or enter a host below.");
    }

    @Test
    @Timeout(10)
    void aServerThatIsNotDockerIsCalledOut() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread peer = new Thread(() -> answerOnce(server, "SSH-2.0-OpenSSH_9.2\r\n"));
            peer.start();
            HostSpec ssh = HostSpec.entered("tcp://127.0.0.1:" + server.getLocalPort(), null);

            assertThatThrownBy(() -> connector.connect(ssh))
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessageEndingWith("answers, but not as a Docker engine. Check the address.");
            peer.join(5000);
        }
    }

    @Test
    void aMalformedAddressGetsAnExample() {
        assertThatThrownBy(() -> connector.connect(HostSpec.entered("docker.example:2375", null)))
            .hasMessageContaining("is not a Docker host address. Use unix:///var/run/docker.sock or tcp://");
    }

    private static void answerOnce(ServerSocket server, String reply) {
        try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
            out.write(reply.getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
            // The assertion in the test says what went wrong.
        }
    }
}

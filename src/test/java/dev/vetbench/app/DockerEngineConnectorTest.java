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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class DockerEngineConnectorTest {

    private final DockerEngineConnector connector = new DockerEngineConnector();

    @AfterEach
    void closeConnection() {
        System.clearProperty("vetbench.docker.host");
        connector.close();
    }

    @Test
    void theLocalEngineReportsItsVersionOsArchitectureAndStorageDriver() throws Exception {
        TestBed.requireDocker();

        EngineSummary engine = connector.connect(connector.defaultHost());

        assertThat(engine.version()).matches("\\d+\\.\\d+.*");
        assertThat(engine.apiVersion()).matches("1\\.\\d+");
        assertThat(engine.operatingSystem()).isNotBlank();
        assertThat(engine.architecture()).isNotBlank();
        assertThat(engine.storageDriver()).isNotBlank();
        assertThat(connector.current()).isPresent();
    }

    @Test
    void theSystemPropertyPointsTheWindowAtAnotherHost() {
        System.setProperty("vetbench.docker.host", "tcp://127.0.0.1:1");

        assertThat(connector.defaultHost()).isEqualTo(new HostSpec("tcp://127.0.0.1:1", null,
            "vetbench.docker.host"));
    }

    @Test
    @Timeout(15)
    void aClosedTcpPortSaysNoEngineAnswersThere() {
        HostSpec dead = HostSpec.entered("tcp://127.0.0.1:1", null);

        assertThatThrownBy(() -> connector.connect(dead))
            .isInstanceOf(EngineUnavailableException.class)
            .hasMessage("No Docker engine answers at tcp://127.0.0.1:1. Check that the engine listens there and "
                + "that no firewall is in the way, or enter another host below.");
    }

    @Test
    @Timeout(15)
    void aMissingSocketSaysHowToStartDocker() {
        HostSpec missing = HostSpec.entered("unix:///nonexistent/docker.sock", null);

        assertThatThrownBy(() -> connector.connect(missing))
            .isInstanceOf(EngineUnavailableException.class)
            .hasMessage("No Docker engine answers at unix:///nonexistent/docker.sock. Start Docker "
                + "(sudo systemctl start docker) or enter a host below.");
    }

    @Test
    @Timeout(20)
    void aServerThatIsNotDockerIsCalledOut() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread peer = new Thread(() -> answer(server, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"));
            peer.setDaemon(true);
            peer.start();
            HostSpec web = HostSpec.entered("tcp://127.0.0.1:" + server.getLocalPort(), null);

            assertThatThrownBy(() -> connector.connect(web))
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessage(web.uri() + " answers, but not as a Docker engine. Check the address.");
        }
    }

    @Test
    void aMalformedAddressGetsAnExample() {
        assertThatThrownBy(() -> connector.connect(HostSpec.entered("ftp://docker.example", null)))
            .isInstanceOf(EngineUnavailableException.class)
            .hasMessageContaining("use unix:///path/to/docker.sock or tcp://host:port");
    }

    @Test
    void anSshContextSaysHowToForwardItsSocket() {
        HostSpec ssh = new HostSpec("ssh://admin@engine.example", null, "Docker context 'remote'");

        assertThatThrownBy(() -> connector.connect(ssh))
            .isInstanceOf(EngineUnavailableException.class)
            .hasMessage("Vetbench cannot reach an engine over ssh:// yet. Forward its socket with ssh -NL "
                + "/tmp/vetbench-docker.sock:/var/run/docker.sock admin@engine.example and connect to "
                + "unix:///tmp/vetbench-docker.sock.");
    }

    private static void answer(ServerSocket server, String reply) {
        while (!server.isClosed()) {
            try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
                client.getInputStream().read(new byte[4096]);
                out.write(reply.getBytes(StandardCharsets.US_ASCII));
            } catch (Exception e) {
                return;
            }
        }
    }
}

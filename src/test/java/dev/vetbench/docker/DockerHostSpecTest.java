package dev.vetbench.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the engine the way the docker CLI does. */
class DockerHostSpecTest {

    @TempDir
    Path home;

    @Test
    void withNothingConfiguredTheLocalSocketIsUsed() {
        DockerHostSpec host = DockerHostSpec.resolve(Map.of(), home);

        assertThat(host.transport()).isEqualTo(DockerHostSpec.Transport.UNIX);
        assertThat(host.uri()).hasToString("unix:///var/run/docker.sock");
        assertThat(host.describe()).isEqualTo("unix:///var/run/docker.sock (local socket)");
    }

    @Test
    void dockerHostWithTlsVerifyUsesTheCertificatePath() {
        DockerHostSpec host = DockerHostSpec.resolve(Map.of("DOCKER_HOST", "tcp://10.0.0.5:2376",
            "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", "/etc/vetbench/certs"), home);

        assertThat(host).isEqualTo(new DockerHostSpec(DockerHostSpec.Transport.TCP_TLS, "10.0.0.5:2376",
            Path.of("/etc/vetbench/certs"), "DOCKER_HOST"));
        assertThat(host.describe()).isEqualTo("tcp://10.0.0.5:2376 with TLS (DOCKER_HOST)");
    }

    @Test
    void tlsVerifyWithoutCertPathUsesTheDockerConfigFolder() {
        DockerHostSpec host = DockerHostSpec.resolve(Map.of("DOCKER_HOST", "tcp://engine.example:2376",
            "DOCKER_TLS_VERIFY", "1"), home);

        assertThat(host.certDirectory()).isEqualTo(home.resolve(".docker"));
    }

    @Test
    void plainTcpAndUnixHostsAreRead() {
        assertThat(DockerHostSpec.resolve(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375"), home).transport())
            .isEqualTo(DockerHostSpec.Transport.TCP);
        assertThat(DockerHostSpec.resolve(Map.of("DOCKER_HOST", "unix:///run/user/1000/docker.sock"), home).address())
            .isEqualTo("/run/user/1000/docker.sock");
        assertThat(DockerHostSpec.parse("tcp://engine.example", null).address()).isEqualTo("engine.example:2375");
        assertThat(DockerHostSpec.parse("/var/run/docker.sock", null).transport())
            .isEqualTo(DockerHostSpec.Transport.UNIX);
    }

    @Test
    void currentContextIsFollowedToItsEndpointAndCertificates() throws Exception {
        Path config = Files.createDirectories(home.resolve(".docker"));
        Files.writeString(config.resolve("config.json"), "{\"currentContext\": \"lab\"}");
        String id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
            .digest("lab".getBytes(StandardCharsets.UTF_8)));
        Path meta = Files.createDirectories(config.resolve("contexts/meta/" + id));
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"lab\",\"Metadata\":{},\"Endpoints\":"
            + "{\"docker\":{\"Host\":\"tcp://192.0.2.10:2376\",\"SkipTLSVerify\":false}}}");
        Path tls = Files.createDirectories(config.resolve("contexts/tls/" + id + "/docker"));
        Files.writeString(tls.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\n");

        DockerHostSpec host = DockerHostSpec.resolve(Map.of(), home);

        assertThat(host).isEqualTo(new DockerHostSpec(DockerHostSpec.Transport.TCP_TLS, "192.0.2.10:2376", tls,
            "Docker context 'lab'"));
    }

    @Test
    void dockerHostWinsOverTheCurrentContext() throws Exception {
        Path config = Files.createDirectories(home.resolve(".docker"));
        Files.writeString(config.resolve("config.json"), "{\"currentContext\": \"lab\"}");

        DockerHostSpec host = DockerHostSpec.resolve(Map.of("DOCKER_HOST", "unix:///tmp/d.sock"), home);

        assertThat(host.origin()).isEqualTo("DOCKER_HOST");
    }

    @Test
    void defaultContextMeansTheLocalSocket() throws Exception {
        Path config = Files.createDirectories(home.resolve(".docker"));
        Files.writeString(config.resolve("config.json"), "{\"currentContext\": \"default\"}");

        assertThat(DockerHostSpec.resolve(Map.of(), home).origin()).isEqualTo("local socket");
    }

    @Test
    void addressThatIsNeitherSocketNorTcpIsRefusedInOneSentence() {
        assertThatThrownBy(() -> DockerHostSpec.parse("ssh://admin@engine", null))
            .isInstanceOf(DockerException.class)
            .hasMessage("The Docker host 'ssh://admin@engine' is not understood; use unix:///path/to/docker.sock "
                + "or tcp://host:port.");
    }
}

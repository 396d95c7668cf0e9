package dev.vetbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.ui.host.HostSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerEndpointsTest {

    // sha256("ci"), the directory name the docker CLI gives a context named "ci".
    private static final String CI_DIGEST = "1b158839f8aa339e89bb50b1603e90ec68e0fd5565fe10a7cb32729fddf7070a";

    @TempDir
    Path docker;

    @Test
    void withNothingSetTheLocalSocketIsUsed() {
        HostSpec host = new DockerEndpoints(Map.of(), docker).defaultHost();

        assertThat(host).isEqualTo(new HostSpec("unix:///var/run/docker.sock", null, "local socket"));
    }

    @Test
    void dockerHostWinsAndTlsVerifyBringsTheCertificatePath() {
        Map<String, String> env = Map.of("DOCKER_HOST", "tcp://10.0.0.5:2376", "DOCKER_TLS_VERIFY", "1",
            "DOCKER_CERT_PATH", "/etc/vetbench/certs");

        HostSpec host = new DockerEndpoints(env, docker).defaultHost();

        assertThat(host).isEqualTo(new HostSpec("tcp://10.0.0.5:2376", Path.of("/etc/vetbench/certs"),
            "DOCKER_HOST"));
    }

    @Test
    void theCurrentDockerContextIsFollowedToItsEndpointAndCertificates() throws Exception {
        String digest = CI_DIGEST;
        Files.writeString(docker.resolve("config.json"), "{\"currentContext\": \"ci\"}");
        Path meta = Files.createDirectories(docker.resolve("contexts/meta").resolve(digest));
        Files.writeString(meta.resolve("meta.json"),
            "{\"Name\":\"ci\",\"Endpoints\":{\"docker\":{\"Host\":\"tcp://build.internal:2376\"}}}");
        Path tls = Files.createDirectories(docker.resolve("contexts/tls").resolve(digest).resolve("docker"));

        HostSpec host = new DockerEndpoints(Map.of(), docker).defaultHost();

        assertThat(host).isEqualTo(new HostSpec("tcp://build.internal:2376", tls, "Docker context ci"));
    }

    @Test
    void theDefaultContextMeansTheLocalSocket() throws Exception {
        Files.writeString(docker.resolve("config.json"), "{\"currentContext\": \"default\"}");

        assertThat(new DockerEndpoints(Map.of(), docker).defaultHost().uri())
            .isEqualTo("unix:///var/run/docker.sock");
    }
}

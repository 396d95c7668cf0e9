package dev.vetbench.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vetbench.testbed.DockerContextFiles;
import dev.vetbench.testbed.TestBed;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the contexts the docker CLI stores, in the layout `docker context create` writes. */
class DockerContextsTest {

    @TempDir
    Path home;

    @Test
    void theDefaultContextComesFirstThenTheStoredOnesByNameWithTheCurrentOneMarked() throws Exception {
        Path config = Files.createDirectories(home.resolve(".docker"));
        Path labTls = DockerContextFiles.write(config, "lab", "Lab engine", "tcp://192.0.2.10:2376", placeholderPems());
        DockerContextFiles.write(config, "plain", "", "unix:///run/user/1000/docker.sock", null);
        Files.writeString(config.resolve("config.json"), "{\n\t\"auths\": {},\n\t\"currentContext\": \"plain\"\n}");

        List<DockerContext> contexts = DockerContexts.list(Map.of(), home);

        assertThat(contexts).extracting(DockerContext::name).containsExactly("default", "lab", "plain");
        assertThat(contexts).extracting(DockerContext::current).containsExactly(false, false, true);
        assertThat(contexts.get(0).endpoint()).isEqualTo("unix:///var/run/docker.sock");
        DockerContext lab = contexts.get(1);
        assertThat(lab.description()).isEqualTo("Lab engine");
        assertThat(lab.tlsDirectory()).isEqualTo(labTls);
        assertThat(lab.host()).isEqualTo(new DockerHostSpec(DockerHostSpec.Transport.TCP_TLS, "192.0.2.10:2376",
            labTls, "Docker context 'lab'"));
        assertThat(contexts.get(2).host()).isEqualTo(new DockerHostSpec(DockerHostSpec.Transport.UNIX,
            "/run/user/1000/docker.sock", null, "Docker context 'plain'"));
    }

    @Test
    void dockerContextOverridesConfigJsonAndDockerHostOverridesBoth() throws Exception {
        Path config = Files.createDirectories(home.resolve(".docker"));
        DockerContextFiles.write(config, "lab", "", "tcp://192.0.2.10:2375", null);
        DockerContextFiles.write(config, "plain", "", "unix:///run/docker.sock", null);
        Files.writeString(config.resolve("config.json"), "{\"currentContext\": \"plain\"}");

        List<DockerContext> byVariable = DockerContexts.list(Map.of("DOCKER_CONTEXT", "lab"), home);
        List<DockerContext> byHost = DockerContexts.list(Map.of("DOCKER_CONTEXT", "lab",
            "DOCKER_HOST", "tcp://198.51.100.7:2375"), home);

        assertThat(byVariable).filteredOn(DockerContext::current).extracting(DockerContext::name)
            .containsExactly("lab");
        assertThat(DockerHostSpec.resolve(Map.of("DOCKER_CONTEXT", "lab"), home).address())
            .isEqualTo("192.0.2.10:2375");
        assertThat(byHost).filteredOn(DockerContext::current).extracting(DockerContext::endpoint)
            .containsExactly("tcp://198.51.100.7:2375");
    }

    @Test
    void dockerConfigPointsAtAnotherConfigDirectory() throws Exception {
        Path elsewhere = Files.createDirectories(home.resolve("ci-docker"));
        DockerContextFiles.write(elsewhere, "ci", "runner engine", "tcp://203.0.113.4:2375", null);

        List<DockerContext> contexts = DockerContexts.list(Map.of("DOCKER_CONFIG", elsewhere.toString()), home);

        assertThat(contexts).extracting(DockerContext::name).containsExactly("default", "ci");
        assertThat(contexts.get(0).current()).isTrue();
    }

    @Test
    void anUnreadableContextIsLeftOutAndAnSshContextIsListedButRefusedInOneSentence() throws Exception {
        Path config = Files.createDirectories(home.resolve(".docker"));
        Path broken = Files.createDirectories(config.resolve("contexts/meta/" + DockerContextFiles.id("broken")));
        Files.writeString(broken.resolve("meta.json"), "{\"Name\":\"broken\",");
        DockerContextFiles.write(config, "remote", "", "ssh://admin@engine.example", null);

        List<DockerContext> contexts = DockerContexts.list(Map.of(), home);

        assertThat(contexts).extracting(DockerContext::name).containsExactly("default", "remote");
        assertThatThrownBy(() -> contexts.get(1).host())
            .isInstanceOf(DockerException.class)
            .hasMessageStartingWith("The Docker host 'ssh://admin@engine.example' is not understood;");
    }

    @Test
    void aContextWithClientCertificatesReachesTheEngineThroughMutualTls() throws Exception {
        TestBed.requireDocker();
        Path certificates = home.resolve("certificates");
        FakeEndpoints.makeMutualTlsCertificates(certificates);
        Path config = Files.createDirectories(home.resolve(".docker"));
        try (ServerSocket proxy = FakeEndpoints.mutualTlsProxy(certificates.resolve("engine.p12"),
                certificates.resolve("client/ca.pem"), DockerHostSpec.LOCAL_SOCKET)) {
            Path directory = DockerContextFiles.write(config, "secure", "", "tcp://127.0.0.1:" + proxy.getLocalPort(),
                certificates.resolve("client"));
            DockerContext secure = DockerContexts.list(Map.of(), home).get(1);

            try (DockerConnection docker = DockerConnection.connect(secure.host())) {
                assertThat(docker.host().transport()).isEqualTo(DockerHostSpec.Transport.TCP_TLS);
                assertThat(docker.host().certDirectory()).isEqualTo(directory);
                assertThat(docker.engine().engineVersion()).isNotBlank();
            }
        }
    }

    /** Files that only have to exist: parsing never reads them, connecting would. */
    private Path placeholderPems() throws IOException {
        Path directory = Files.createDirectories(home.resolve("placeholder-pems"));
        for (String file : DockerContextFiles.PEM_FILES) {
            String kind = file.equals("key.pem") ? "PRIVATE KEY" : "CERTIFICATE";
            Files.writeString(directory.resolve(file), "-----BEGIN " + kind + "-----\n-----END " + kind + "-----\n");
        }
        return directory;
    }
}

package dev.vetbench.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
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
        Path labTls = writeContext(config, "lab", "Lab engine", "tcp://192.0.2.10:2376", true);
        writeContext(config, "plain", "", "unix:///run/user/1000/docker.sock", false);
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
        writeContext(config, "lab", "", "tcp://192.0.2.10:2375", false);
        writeContext(config, "plain", "", "unix:///run/docker.sock", false);
        Files.writeString(config.resolve("config.json"), "{\"currentContext\": \"plain\"}");

        List<DockerContext> byVariable = DockerContexts.list(Map.of("DOCKER_CONTEXT", "lab"), home);
        List<DockerContext> byHost = DockerContexts.list(Map.of("DOCKER_CONTEXT", "lab",
            "DOCKER_HOST", "tcp://198.51.100.7:2375"), home);

        assertThat(byVariable).filteredOn(DockerContext::current).extracting(DockerContext::name).containsExactly("lab");
        assertThat(DockerHostSpec.resolve(Map.of("DOCKER_CONTEXT", "lab"), home).address())
            .isEqualTo("192.0.2.10:2375");
        assertThat(byHost).filteredOn(DockerContext::current).extracting(DockerContext::endpoint)
            .containsExactly("tcp://198.51.100.7:2375");
    }

    @Test
    void dockerConfigPointsAtAnotherConfigDirectory() throws Exception {
        Path elsewhere = Files.createDirectories(home.resolve("ci-docker"));
        writeContext(elsewhere, "ci", "runner engine", "tcp://203.0.113.4:2375", false);

        List<DockerContext> contexts = DockerContexts.list(Map.of("DOCKER_CONFIG", elsewhere.toString()), home);

        assertThat(contexts).extracting(DockerContext::name).containsExactly("default", "ci");
        assertThat(contexts.get(0).current()).isTrue();
    }

    @Test
    void anUnreadableContextIsLeftOutAndAnSshContextIsListedButRefusedInOneSentence() throws Exception {
        Path config = Files.createDirectories(home.resolve(".docker"));
        Path broken = Files.createDirectories(config.resolve("contexts/meta/" + id("broken")));
        Files.writeString(broken.resolve("meta.json"), "{\"Name\":\"broken\",");
        writeContext(config, "remote", "", "ssh://admin@engine.example", false);

        List<DockerContext> contexts = DockerContexts.list(Map.of(), home);

        assertThat(contexts).extracting(DockerContext::name).containsExactly("default", "remote");
        assertThatThrownBy(() -> contexts.get(1).host())
            .isInstanceOf(DockerException.class)
            .hasMessageStartingWith("The Docker host 'ssh://admin@engine.example' is not understood;");
    }

    /** Writes a context as `docker context create` does; returns its TLS directory when it has one. */
    static Path writeContext(Path config, String name, String description, String host, boolean tls)
            throws Exception {
        String id = id(name);
        Path meta = Files.createDirectories(config.resolve("contexts/meta/" + id));
        String metadata = description.isEmpty() ? "{}" : "{\"Description\":\"" + description + "\"}";
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"" + name + "\",\"Metadata\":" + metadata
            + ",\"Endpoints\":{\"docker\":{\"Host\":\"" + host + "\",\"SkipTLSVerify\":false}}}");
        if (!tls) {
            return null;
        }
        Path directory = Files.createDirectories(config.resolve("contexts/tls/" + id + "/docker"));
        for (String file : List.of("ca.pem", "cert.pem", "key.pem")) {
            write(directory.resolve(file), file);
        }
        return directory;
    }

    private static void write(Path file, String name) throws IOException {
        String kind = name.equals("key.pem") ? "PRIVATE KEY" : "CERTIFICATE";
        Files.writeString(file, "-----BEGIN " + kind + "-----\n-----END " + kind + "-----\n");
    }

    private static String id(String name) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
            .digest(name.getBytes(StandardCharsets.UTF_8)));
    }
}

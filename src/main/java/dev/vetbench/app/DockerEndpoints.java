package dev.vetbench.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vetbench.ui.host.HostSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Works out which engine to use first, the way the docker CLI does: {@code DOCKER_HOST} (with
 * {@code DOCKER_TLS_VERIFY} / {@code DOCKER_CERT_PATH}), else the current Docker context, else the local socket.
 * The system property {@code vetbench.docker.host} overrides all of them.
 */
final class DockerEndpoints {

    static final String LOCAL_SOCKET = "unix:///var/run/docker.sock";

    private final Map<String, String> environment;
    private final Path dockerConfigDirectory;

    DockerEndpoints(Map<String, String> environment, Path dockerConfigDirectory) {
        this.environment = environment;
        this.dockerConfigDirectory = dockerConfigDirectory;
    }

    static DockerEndpoints ofThisProcess() {
        String config = System.getenv("DOCKER_CONFIG");
        Path directory = config != null && !config.isBlank() ? Path.of(config)
            : Path.of(System.getProperty("user.home"), ".docker");
        return new DockerEndpoints(System.getenv(), directory);
    }

    HostSpec defaultHost() {
        String override = System.getProperty("vetbench.docker.host");
        if (override != null && !override.isBlank()) {
            return new HostSpec(override.strip(), null, "vetbench.docker.host");
        }
        String host = environment.get("DOCKER_HOST");
        if (host != null && !host.isBlank()) {
            return new HostSpec(host.strip(), environmentTlsDirectory(), "DOCKER_HOST");
        }
        HostSpec fromContext = currentContext();
        return fromContext != null ? fromContext : new HostSpec(LOCAL_SOCKET, null, "local socket");
    }

    private Path environmentTlsDirectory() {
        String verify = environment.get("DOCKER_TLS_VERIFY");
        if (verify == null || verify.isBlank() || "0".equals(verify)) {
            return null;
        }
        String certs = environment.get("DOCKER_CERT_PATH");
        return certs != null && !certs.isBlank() ? Path.of(certs) : dockerConfigDirectory;
    }

    // The docker CLI keeps contexts under contexts/meta/<sha256 of the name>/meta.json, with TLS material
    // under contexts/tls/<same digest>/docker/.
    private HostSpec currentContext() {
        String name = environment.get("DOCKER_CONTEXT");
        try {
            ObjectMapper json = new ObjectMapper();
            if (name == null || name.isBlank()) {
                Path config = dockerConfigDirectory.resolve("config.json");
                name = Files.isRegularFile(config) ? json.readTree(config.toFile()).path("currentContext").asText("")
                    : "";
            }
            if (name.isBlank() || "default".equals(name)) {
                return null;
            }
            String digest = sha256(name);
            Path meta = dockerConfigDirectory.resolve("contexts/meta").resolve(digest).resolve("meta.json");
            JsonNode endpoint = json.readTree(meta.toFile()).path("Endpoints").path("docker");
            String host = endpoint.path("Host").asText("");
            if (host.isBlank()) {
                return null;
            }
            Path tls = dockerConfigDirectory.resolve("contexts/tls").resolve(digest).resolve("docker");
            return new HostSpec(host, Files.isDirectory(tls) ? tls : null, "Docker context " + name);
        } catch (IOException e) {
            return null; // An unreadable context falls back to the local socket rather than refusing to start.
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}

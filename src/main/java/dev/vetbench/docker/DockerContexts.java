package dev.vetbench.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Docker CLI contexts stored in the Docker config directory ({@code DOCKER_CONFIG}, else {@code ~/.docker}):
 * {@code contexts/meta/<id>/meta.json} names each context and its engine endpoint, and
 * {@code contexts/tls/<id>/docker/} holds its TLS client certificate, if any.
 */
public final class DockerContexts {

    private static final Logger LOG = LoggerFactory.getLogger(DockerContexts.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private DockerContexts() {
    }

    /**
     * The {@code default} context first, then the stored ones by name. Which one is current follows the docker
     * CLI: DOCKER_HOST means {@code default}, else DOCKER_CONTEXT, else {@code currentContext} in config.json.
     * Unreadable context files are left out; the docker CLI is the one to complain about them.
     */
    public static List<DockerContext> list(Map<String, String> env, Path home) {
        Path config = configDirectory(env, home);
        String current = currentName(env, config);
        List<DockerContext> contexts = new ArrayList<>();
        contexts.add(defaultContext(env, home, current));
        Path meta = config.resolve("contexts/meta");
        if (Files.isDirectory(meta)) {
            try (DirectoryStream<Path> ids = Files.newDirectoryStream(meta)) {
                for (Path id : ids) {
                    stored(config, id, current).ifPresent(contexts::add);
                }
            } catch (IOException e) {
                LOG.debug("Could not list the Docker contexts in {}", meta, e);
            }
        }
        contexts.subList(1, contexts.size()).sort(Comparator.comparing(DockerContext::name));
        return contexts;
    }

    /** The context the docker CLI uses now, if it is stored (or {@code default}). */
    static Optional<DockerContext> current(Map<String, String> env, Path home) {
        return list(env, home).stream().filter(DockerContext::current).findFirst();
    }

    /** DOCKER_CONFIG when set, else {@code ~/.docker}. */
    static Path configDirectory(Map<String, String> env, Path home) {
        String dockerConfig = env.get("DOCKER_CONFIG");
        return dockerConfig == null || dockerConfig.isBlank() ? home.resolve(".docker") : Path.of(dockerConfig);
    }

    private static String currentName(Map<String, String> env, Path config) {
        if (isSet(env.get("DOCKER_HOST"))) {
            return DockerContext.DEFAULT;
        }
        if (isSet(env.get("DOCKER_CONTEXT"))) {
            return env.get("DOCKER_CONTEXT").strip();
        }
        String named = readJson(config.resolve("config.json")).path("currentContext").asText("");
        return named.isBlank() ? DockerContext.DEFAULT : named;
    }

    private static DockerContext defaultContext(Map<String, String> env, Path home, String current) {
        boolean isCurrent = DockerContext.DEFAULT.equals(current);
        String dockerHost = env.get("DOCKER_HOST");
        if (!isSet(dockerHost)) {
            return new DockerContext(DockerContext.DEFAULT, "the local engine", "unix://" + DockerHostSpec.LOCAL_SOCKET,
                null, isCurrent);
        }
        Path certs = null;
        try {
            certs = DockerHostSpec.fromEnvironment(dockerHost, env, home).certDirectory();
        } catch (DockerException e) {
            LOG.debug("DOCKER_HOST is not understood: {}", e.getMessage());
        }
        return new DockerContext(DockerContext.DEFAULT, "DOCKER_HOST", dockerHost.strip(), certs, isCurrent);
    }

    private static Optional<DockerContext> stored(Path config, Path idDirectory, String current) {
        JsonNode meta = readJson(idDirectory.resolve("meta.json"));
        String name = meta.path("Name").asText("");
        String host = meta.path("Endpoints").path("docker").path("Host").asText("");
        if (name.isBlank() || host.isBlank()) {
            return Optional.empty();
        }
        String description = meta.path("Metadata").path("Description").asText("");

        // The docker CLI names both directories after the SHA-256 of the context name.
        Path tls = config.resolve("contexts/tls").resolve(idDirectory.getFileName().toString()).resolve("docker");
        Path tlsDirectory = Files.isRegularFile(tls.resolve("cert.pem")) ? tls : null;
        return Optional.of(new DockerContext(name, description, host, tlsDirectory, name.equals(current)));
    }

    private static JsonNode readJson(Path file) {
        try {
            return Files.isRegularFile(file) ? JSON.readTree(file.toFile()) : JSON.createObjectNode();
        } catch (IOException e) {
            LOG.debug("Could not read {}", file, e);
            return JSON.createObjectNode();
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}

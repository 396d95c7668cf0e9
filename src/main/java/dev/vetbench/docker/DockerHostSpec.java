package dev.vetbench.docker;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where a Docker engine listens and how to reach it: a unix socket, plain tcp, or tcp with TLS client certificates.
 *
 * @param transport how to reach the engine
 * @param address the socket path for {@link Transport#UNIX}, {@code host:port} otherwise
 * @param certDirectory the directory with {@code ca.pem}, {@code cert.pem} and {@code key.pem} for
 *     {@link Transport#TCP_TLS}, else {@code null}
 * @param origin where this address came from, for people: "DOCKER_HOST", "Docker context 'lab'", ...
 */
public record DockerHostSpec(Transport transport, String address, Path certDirectory, String origin) {

    /** The socket a local engine listens on by default. */
    public static final Path LOCAL_SOCKET = Path.of("/var/run/docker.sock");

    /** How to reach the engine. */
    public enum Transport { UNIX, TCP, TCP_TLS }

    public DockerHostSpec {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(address, "address");
        origin = origin == null ? "given" : origin;
        if ((transport == Transport.TCP_TLS) != (certDirectory != null)) {
            throw new IllegalArgumentException("a certificate directory goes with tcp+TLS and only with it");
        }
    }

    /** The engine behind a unix socket. */
    public static DockerHostSpec unixSocket(Path socket) {
        return new DockerHostSpec(Transport.UNIX, socket.toString(), null, "given");
    }

    /** An engine on plain tcp (no TLS). */
    public static DockerHostSpec tcp(String host, int port) {
        return new DockerHostSpec(Transport.TCP, host + ":" + port, null, "given");
    }

    /** An engine on tcp with TLS, authenticating with the client certificate in {@code certDirectory}. */
    public static DockerHostSpec tls(String host, int port, Path certDirectory) {
        return new DockerHostSpec(Transport.TCP_TLS, host + ":" + port, certDirectory, "given");
    }

    /**
     * Reads a host as DOCKER_HOST writes it: {@code unix:///path}, {@code tcp://host:port}, or a bare socket path.
     *
     * @param certDirectory when not null, tcp is spoken with TLS using the certificates there
     * @throws DockerException when the address cannot be understood
     */
    public static DockerHostSpec parse(String host, Path certDirectory) {
        String value = host.strip();
        if (value.startsWith("unix://")) {
            return new DockerHostSpec(Transport.UNIX, value.substring("unix://".length()), null, "given");
        }
        if (value.startsWith("/")) {
            return new DockerHostSpec(Transport.UNIX, value, null, "given");
        }
        String hostPort = value.startsWith("tcp://") ? value.substring("tcp://".length()) : value;
        hostPort = hostPort.endsWith("/") ? hostPort.substring(0, hostPort.length() - 1) : hostPort;
        if (hostPort.isEmpty() || hostPort.contains("/") || value.contains("://") && !value.startsWith("tcp://")) {
            throw new DockerException(DockerException.Reason.FAILED, "The Docker host '" + host
                + "' is not understood; use unix:///path/to/docker.sock or tcp://host:port.", null);
        }
        if (!hostPort.matches(".*:\\d+")) {
            hostPort = hostPort + (certDirectory == null ? ":2375" : ":2376");
        }
        return certDirectory == null
            ? new DockerHostSpec(Transport.TCP, hostPort, null, "given")
            : new DockerHostSpec(Transport.TCP_TLS, hostPort, certDirectory, "given");
    }

    /**
     * Finds the engine the way the docker CLI does: DOCKER_HOST (with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH), else
     * the current Docker context (DOCKER_CONTEXT, else config.json), else the local socket.
     */
    public static DockerHostSpec resolve() {
        return resolve(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** As {@link #resolve()}, with the environment and home directory given (for tests and the window). */
    public static DockerHostSpec resolve(Map<String, String> env, Path home) {
        String dockerHost = env.get("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            return fromEnvironment(dockerHost, env, home);
        }
        return DockerContexts.current(env, home)
            .filter(context -> !context.isDefault())
            .map(DockerContext::host)
            .orElse(new DockerHostSpec(Transport.UNIX, LOCAL_SOCKET.toString(), null, "local socket"));
    }

    /** The address as a URI, as docker-java and the docker CLI take it. */
    public URI uri() {
        return transport == Transport.UNIX ? URI.create("unix://" + address) : URI.create("tcp://" + address);
    }

    /** For people: "tcp://10.0.0.5:2376 with TLS (DOCKER_HOST)". */
    public String describe() {
        String tls = transport == Transport.TCP_TLS ? " with TLS" : "";
        return uri() + tls + " (" + origin + ")";
    }

    /** The same address with another origin. */
    public DockerHostSpec withOrigin(String newOrigin) {
        return new DockerHostSpec(transport, address, certDirectory, newOrigin);
    }

    static DockerHostSpec fromEnvironment(String dockerHost, Map<String, String> env, Path home) {
        String verify = env.getOrDefault("DOCKER_TLS_VERIFY", "");
        boolean tls = !verify.isBlank() && !"0".equals(verify) && !"false".equalsIgnoreCase(verify);
        Path certs = null;
        if (tls) {
            String certPath = env.get("DOCKER_CERT_PATH");
            certs = certPath == null || certPath.isBlank() ? DockerContexts.configDirectory(env, home)
                : Path.of(certPath);
        }
        return parse(dockerHost, dockerHost.strip().startsWith("tcp://") ? certs : null).withOrigin("DOCKER_HOST");
    }
}

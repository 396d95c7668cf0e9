package dev.vetbench.app;

import dev.vetbench.docker.DockerConnection;
import dev.vetbench.docker.DockerContext;
import dev.vetbench.docker.DockerContexts;
import dev.vetbench.docker.DockerException;
import dev.vetbench.docker.DockerHostSpec;
import dev.vetbench.docker.EngineInfo;
import dev.vetbench.ui.host.EngineConnector;
import dev.vetbench.ui.host.HostContext;
import dev.vetbench.ui.host.EngineSummary;
import dev.vetbench.ui.host.EngineUnavailableException;
import dev.vetbench.ui.host.HostSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Host screen's engine connector over the {@code docker} package. Keeps the connection the window works with;
 * connecting to another host closes the previous one.
 *
 * <p>The system property {@code vetbench.docker.host} overrides DOCKER_HOST and the Docker context, so the window
 * can be pointed at a host for tests and demos.
 */
final class DockerEngineConnector implements EngineConnector, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DockerEngineConnector.class);

    private final Map<String, String> env;
    private final Path home;
    private DockerConnection current;

    DockerEngineConnector() {
        this(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** With the environment and home directory given, so tests can point it at their own Docker config. */
    DockerEngineConnector(Map<String, String> env, Path home) {
        this.env = Map.copyOf(env);
        this.home = home;
    }

    @Override
    public HostSpec defaultHost() {
        String override = System.getProperty("vetbench.docker.host");
        DockerHostSpec spec = override != null && !override.isBlank()
            ? DockerHostSpec.parse(override, null).withOrigin("vetbench.docker.host")
            : DockerHostSpec.resolve(env, home);
        return toHostSpec(spec);
    }

    @Override
    public List<HostContext> contexts() {
        return DockerContexts.list(env, home).stream().map(DockerEngineConnector::toHostContext).toList();
    }

    @Override
    public EngineSummary connect(HostSpec host) throws EngineUnavailableException {
        DockerHostSpec spec;
        DockerConnection connection;
        try {
            spec = DockerHostSpec.parse(host.uri(), host.tlsCertDirectory()).withOrigin(host.source());
            connection = DockerConnection.connect(spec);
        } catch (DockerException e) {
            throw new EngineUnavailableException(sentence(host, e), e);
        }
        replace(connection);
        EngineInfo info = connection.engine();
        return new EngineSummary(host, info.engineVersion(), info.apiVersion(), info.operatingSystem(),
            info.osType() + (info.cgroupVersion().isEmpty() ? "" : ", cgroup v" + info.cgroupVersion()),
            info.architecture(), info.storageDriver(), info.hostName());
    }

    /** The connection to the host last connected to, if any. */
    synchronized Optional<DockerConnection> current() {
        return Optional.ofNullable(current);
    }

    private synchronized void replace(DockerConnection connection) {
        if (current != null) {
            current.close();
        }
        current = connection;
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    private static HostContext toHostContext(DockerContext context) {
        HostSpec host;
        try {
            host = toHostSpec(context.host());
        } catch (DockerException e) {
            // Listed all the same (ssh:// and the like), so the assessor sees it; connecting says why not.
            host = new HostSpec(context.endpoint(), null, context.origin());
        }
        return new HostContext(context.name(), context.description(), host, context.current());
    }

    private static HostSpec toHostSpec(DockerHostSpec spec) {
        return new HostSpec(spec.uri().toString(), spec.certDirectory(), spec.origin());
    }

    // The docker package words its errors for the command line (--host, DOCKER_HOST); the window says what to do
    // on the screen instead.
    static String sentence(HostSpec host, DockerException e) {
        LOG.debug("Connecting to {} failed: {}", host.uri(), e.getMessage());
        if (host.uri().startsWith("ssh://")) {
            // Limitation: docker-java speaks unix sockets and tcp only; an ssh:// context needs a forwarded socket.
            return "Vetbench cannot reach an engine over ssh:// yet. Forward its socket with ssh -NL "
                + "/tmp/vetbench-docker.sock:/var/run/docker.sock " + host.uri().substring("ssh://".length())
                + " and connect to unix:///tmp/vetbench-docker.sock.";
        }
        return switch (e.reason()) {
            case UNREACHABLE -> host.uri().startsWith("unix:")
                ? "No Docker engine answers at " + host.uri() + ". Start Docker (sudo systemctl start docker) "
                    + "or enter a host below."
                : "No Docker engine answers at " + host.uri() + ". Check that the engine listens there and that "
                    + "no firewall is in the way, or enter another host below.";
            case NOT_DOCKER -> host.uri() + " answers, but not as a Docker engine. Check the address.";
            case TLS_FAILED -> "The TLS handshake with the Docker engine at " + host.uri() + " failed. Check that "
                + "the certificates in the TLS directory belong to that engine.";
            default -> e.getMessage();
        };
    }
}

package dev.vetbench.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.LocalDirectorySSLConfig;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to one Docker engine: what it is, the images on it, pulls, and the launcher for targets.
 *
 * <p>Connecting checks that a Docker engine answers (failing within a few seconds when none does) and removes the
 * containers and volumes that a Vetbench process on this machine left behind when it died. Every call is
 * synchronous; call it off the UI thread.
 */
public final class DockerConnection implements AutoCloseable {

    /** How long connecting to the engine may take before the host counts as unreachable. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** How long a quick call (ping, info, lists) may wait for the engine's answer. */
    public static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(DockerConnection.class);

    private final DockerHostSpec host;
    private final DockerClient quick;
    private final DockerClient streaming;
    private final EngineInfo engine;
    private final Owner owner = Owner.current();

    private DockerConnection(DockerHostSpec host, DockerClient quick, DockerClient streaming, EngineInfo engine) {
        this.host = host;
        this.quick = quick;
        this.streaming = streaming;
        this.engine = engine;
    }

    /** Connects to the engine that DOCKER_HOST, the current Docker context or the local socket names. */
    public static DockerConnection connect() {
        return connect(DockerHostSpec.resolve());
    }

    /**
     * Connects to the engine, reads what it is, and removes leftovers of dead Vetbench processes on this machine.
     *
     * @throws DockerException when no engine answers, something else answers, or TLS fails
     */
    public static DockerConnection connect(DockerHostSpec host) {
        if (host.transport() == DockerHostSpec.Transport.UNIX) {
            DockerException problem = EngineErrors.checkSocket(host);
            if (problem != null) {
                throw problem;
            }
        }

        DockerClient quick = client(host, RESPONSE_TIMEOUT);
        DockerClient streaming = null;
        try {
            EngineInfo engine = readEngine(host, quick);
            streaming = client(host, null);
            DockerConnection connection = new DockerConnection(host, quick, streaming, engine);
            LOG.info("Connected to Docker {} (API {}) at {}", engine.engineVersion(), engine.apiVersion(),
                host.describe());
            connection.removeLeftovers();
            return connection;
        } catch (RuntimeException e) {
            closeQuietly(quick);
            closeQuietly(streaming);
            throw e instanceof DockerException own ? own : EngineErrors.connecting(host, e);
        }
    }

    /** The host this connection talks to. */
    public DockerHostSpec host() {
        return host;
    }

    /** What the engine said about itself when the connection was made. */
    public EngineInfo engine() {
        return engine;
    }

    /** Starts targets on this engine. */
    public TargetLauncher launcher() {
        return new TargetLauncher(this);
    }

    /**
     * The tagged images on the host, each tag as one version, sorted by repository and then by creation time.
     *
     * @param repository only this repository (e.g. {@code medivendor/frontend}), or {@code null} for all
     */
    public List<ImageVersion> images(String repository) {
        List<Image> images;
        try {
            images = quick.listImagesCmd().exec();
        } catch (RuntimeException e) {
            throw EngineErrors.during("Listing the images", host, e);
        }

        List<ImageVersion> versions = new ArrayList<>();
        for (Image image : images) {
            for (String repoTag : orEmpty(image.getRepoTags())) {
                ImageRef ref = ImageRef.parse(repoTag);
                if (repoTag.startsWith("<none>") || repository != null && !repository.equals(ref.name())) {
                    continue;
                }
                versions.add(new ImageVersion(ref.name(), ref.tag(), repoDigest(image.getRepoDigests(), ref.name())
                    .orElse(image.getId()), image.getId(), orMinusOne(image.getSize()),
                    image.getCreated() == null ? null : Instant.ofEpochSecond(image.getCreated())));
            }
        }
        versions.sort(Comparator.comparing(ImageVersion::repository)
            .thenComparing(ImageVersion::created, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ImageVersion::tag));
        return versions;
    }

    /**
     * What an image on the host declares: id, digest, VOLUMEs, ports, environment, entrypoint and command.
     *
     * @throws DockerException with reason {@link DockerException.Reason#NOT_FOUND} when the host lacks the image
     */
    public ImageDetails inspectImage(String reference) {
        InspectImageResponse image;
        try {
            image = quick.inspectImageCmd(reference).exec();
        } catch (NotFoundException e) {
            throw new DockerException(DockerException.Reason.NOT_FOUND, "Image " + reference
                + " is not on the Docker host; pull it first or check the repository and tag.", e);
        } catch (RuntimeException e) {
            throw EngineErrors.during("Inspecting image " + reference, host, e);
        }
        return details(reference, image);
    }

    /**
     * Pulls an image version through the engine, reporting progress per layer.
     *
     * @param credentials registry credentials, or {@code null} for an anonymous pull
     * @return the version now on the host
     * @throws DockerException when the image or tag does not exist, the registry refuses, or the caller cancels
     */
    public ImageVersion pull(ImageRef image, RegistryCredentials credentials, PullListener listener,
            CancellationToken cancellation) {
        new ImagePull(streaming, host).run(image, credentials, listener, cancellation);
        ImageDetails details = inspectImage(image.toString());
        return images(image.name()).stream()
            .filter(version -> version.tag().equals(image.tag()))
            .findFirst()
            .orElse(new ImageVersion(image.name(), image.tag(), details.digest(), details.imageId(), -1, null));
    }

    /**
     * Removes the containers and volumes that Vetbench processes on this machine left behind when they died.
     * Those of live processes (other windows, concurrent test runs) and of other machines are left alone.
     *
     * @return how many containers were removed
     */
    public int removeLeftovers() {
        List<Container> containers;
        try {
            containers = quick.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(Owner.MANAGED, "true")).exec();
        } catch (RuntimeException e) {
            throw EngineErrors.during("Looking for leftover containers", host, e);
        }
        int removed = 0;
        for (Container container : containers) {
            if (isLeftover(container.getLabels())) {
                LOG.info("Removing leftover container {} of a Vetbench process that is gone", container.getId());
                removeContainer(container.getId());
                removed++;
            }
        }
        removeLeftoverVolumes();
        return removed;
    }

    @Override
    public void close() {
        closeQuietly(quick);
        closeQuietly(streaming);
    }

    DockerClient quickClient() {
        return quick;
    }

    DockerClient streamingClient() {
        return streaming;
    }

    Owner owner() {
        return owner;
    }

    /** Removes a container with its anonymous volumes; a container that is already gone is fine. */
    void removeContainer(String containerId) {
        try {
            quick.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            LOG.debug("Container {} was already gone", containerId);
        } catch (RuntimeException e) {
            LOG.warn("Could not remove container {}: {}", containerId, EngineErrors.engineMessage(e));
        }
    }

    /** Removes a named volume; a volume that is already gone is fine. */
    void removeVolume(String name) {
        try {
            quick.removeVolumeCmd(name).exec();
        } catch (NotFoundException e) {
            LOG.debug("Volume {} was already gone", name);
        } catch (RuntimeException e) {
            LOG.warn("Could not remove volume {}: {}", name, EngineErrors.engineMessage(e));
        }
    }

    // Limitation: only containers owned by this machine are swept, since another machine's processes cannot be
    // checked from here; a shared remote engine keeps a crashed colleague's containers until their next start.
    private boolean isLeftover(Map<String, String> labels) {
        Optional<Owner> other = Owner.fromLabels(labels == null ? Map.of() : labels);
        return other.isPresent() && other.get().host().equals(owner.host()) && !other.get().isAlive();
    }

    private void removeLeftoverVolumes() {
        try {
            var volumes = quick.listVolumesCmd().withFilter("label", List.of(Owner.MANAGED + "=true")).exec();
            for (var volume : orEmpty(volumes.getVolumes())) {
                if (isLeftover(volume.getLabels())) {
                    LOG.info("Removing leftover volume {} of a Vetbench process that is gone", volume.getName());
                    removeVolume(volume.getName());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not look for leftover volumes: {}", EngineErrors.engineMessage(e));
        }
    }

    private static EngineInfo readEngine(DockerHostSpec host, DockerClient client) {
        client.pingCmd().exec();
        Info info = client.infoCmd().exec();
        Version version = client.versionCmd().exec();
        if (info.getServerVersion() == null || version.getApiVersion() == null) {
            throw EngineErrors.notDocker(host, null);
        }
        return new EngineInfo(info.getServerVersion(), version.getApiVersion(), text(info.getOperatingSystem()),
            text(info.getOsType()), text(info.getArchitecture()), text(info.getDriver()),
            text(info.getCGroupVersion()), text(info.getName()));
    }

    private static DockerClient client(DockerHostSpec host, Duration responseTimeout) {
        DefaultDockerClientConfig.Builder config = DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost(host.uri().toString())
            .withDockerTlsVerify(host.transport() == DockerHostSpec.Transport.TCP_TLS);
        if (host.certDirectory() != null) {
            config.withCustomSslConfig(new LocalDirectorySSLConfig(host.certDirectory().toString()));
        }
        DefaultDockerClientConfig built = config.build();

        ApacheDockerHttpClient.Builder http = new ApacheDockerHttpClient.Builder()
            .dockerHost(built.getDockerHost())
            .sslConfig(built.getSSLConfig())
            .maxConnections(32)
            .connectionTimeout(CONNECT_TIMEOUT);
        if (responseTimeout != null) {
            http.responseTimeout(responseTimeout);
        }
        return DockerClientImpl.getInstance(built, http.build());
    }

    private static ImageDetails details(String reference, InspectImageResponse image) {
        ContainerConfig config = image.getConfig();
        Map<String, String> env = new LinkedHashMap<>();
        List<String> entrypoint = List.of();
        List<String> command = List.of();
        List<String> volumes = List.of();
        List<String> ports = List.of();
        if (config != null) {
            for (String variable : orEmpty(config.getEnv())) {
                int equals = variable.indexOf('=');
                env.put(equals < 0 ? variable : variable.substring(0, equals),
                    equals < 0 ? "" : variable.substring(equals + 1));
            }
            entrypoint = Arrays.asList(orEmpty(config.getEntrypoint()));
            command = Arrays.asList(orEmpty(config.getCmd()));
            volumes = config.getVolumes() == null ? List.of() : new ArrayList<>(config.getVolumes().keySet());
            ports = Arrays.stream(orEmpty(config.getExposedPorts())).map(ExposedPort::toString).toList();
        }
        ImageRef ref = ImageRef.parse(reference);
        String digest = repoDigest(image.getRepoDigests() == null ? null
            : image.getRepoDigests().toArray(String[]::new), ref.name()).orElse(image.getId());
        return new ImageDetails(reference, image.getId(), digest, new HashSet<>(volumes),
            new HashSet<>(ports), env, entrypoint, command);
    }

    /** The digest of the repo digest for this repository, else the first one, if any. */
    static Optional<String> repoDigest(String[] repoDigests, String repository) {
        String[] all = orEmpty(repoDigests);
        for (String repoDigest : all) {
            if (repoDigest.startsWith(repository + "@")) {
                return Optional.of(repoDigest.substring(repoDigest.indexOf('@') + 1));
            }
        }
        return all.length == 0 ? Optional.empty() : Optional.of(all[0].substring(all[0].indexOf('@') + 1));
    }

    private static String[] orEmpty(String[] values) {
        return values == null ? new String[0] : values;
    }

    private static ExposedPort[] orEmpty(ExposedPort[] values) {
        return values == null ? new ExposedPort[0] : values;
    }

    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }

    private static long orMinusOne(Long value) {
        return value == null ? -1 : value;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static void closeQuietly(DockerClient client) {
        if (client == null) {
            return;
        }
        try {
            client.close();
        } catch (IOException e) {
            LOG.debug("Closing a Docker client failed", e);
        }
    }
}

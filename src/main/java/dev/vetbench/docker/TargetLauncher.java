package dev.vetbench.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts targets: a container from an image version and a {@link TargetProfile}, its ports published on 127.0.0.1
 * with random host ports, labelled as Vetbench's, and waited for until it is ready.
 *
 * <p>A target that exits at start or misses its deadline is removed again (with its volumes) before the
 * {@link DockerException} reaches the caller, so nothing is left running. Targets still open when the JVM exits
 * normally are removed by a shutdown hook; those of a killed JVM are removed the next time Vetbench connects.
 */
public final class TargetLauncher {

    /** The label every container and volume Vetbench creates carries, with the value {@code true}. */
    public static final String MANAGED_LABEL = Owner.MANAGED;
    /** How many log lines a failure to start carries. */
    public static final int FAILURE_LOG_LINES = 20;

    private static final Logger LOG = LoggerFactory.getLogger(TargetLauncher.class);
    private static final Set<RunningTarget> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(RunningTarget::close),
            "vetbench-target-cleanup"));
    }

    private final DockerConnection connection;

    TargetLauncher(DockerConnection connection) {
        this.connection = connection;
    }

    /** Starts a target and waits until it is ready; see {@link #start(String, TargetProfile, ProgressListener,
     * CancellationToken)}. */
    public RunningTarget start(String image, TargetProfile profile) {
        return start(image, profile, ProgressListener.NONE, CancellationToken.none());
    }

    /**
     * Starts a container from {@code image} with {@code profile} and waits until it is ready.
     *
     * @param image an image on the host, e.g. {@code medivendor/frontend:1.5.0}
     * @return the running target; close it to stop and remove it
     * @throws DockerException when the image is missing, the container exits at start (with its last log lines),
     *     it is not ready by the profile's deadline, or the caller cancels; nothing is left running then
     */
    public RunningTarget start(String image, TargetProfile profile, ProgressListener progress,
            CancellationToken cancel) {
        ImageDetails details = connection.inspectImage(image);
        cancel.throwIfCancelled("Starting " + image);
        String name = "vetbench-" + profile.name() + "-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> freshVolumes = new ArrayList<>();
        String containerId = null;
        try {
            progress.step("Creating container " + name + " from " + image);
            List<Mount> mounts = mounts(profile.volumes(), freshVolumes);
            containerId = create(image, name, profile, mounts).exec().getId();

            progress.step("Starting container " + name);
            startContainer(containerId, image);
            RunningTarget target = describe(containerId, name, image, details, profile, freshVolumes);
            containerId = null; // From here on the target owns the container and removes it on close.
            return awaitReady(target, progress, cancel);
        } catch (RuntimeException e) {
            if (containerId != null) {
                connection.removeContainer(containerId);
            }
            freshVolumes.forEach(connection::removeVolume);
            throw e instanceof DockerException own ? own
                : EngineErrors.during("Starting " + image, connection.host(), e);
        }
    }

    /**
     * Runs a short-lived helper container to its end and returns its output: no network, all capabilities
     * dropped, a read-only root filesystem. The container is removed afterwards in every case.
     *
     * @param command the program and its arguments; replaces the image's entrypoint and command
     * @param mounts what the helper may see, usually read-only binds
     * @param hostPid whether it shares the host's process namespace (to read {@code /proc/1/mountinfo})
     * @throws DockerException when it cannot start, misses the deadline, or the caller cancels
     */
    public CompletedRun runToCompletion(String image, List<String> command, List<VolumeSpec> mounts,
            boolean hostPid, Duration deadline, CancellationToken cancel) {
        return runToCompletion(image, command, mounts, hostPid, Set.of(), deadline, cancel);
    }

    /**
     * Runs a helper as {@link #runToCompletion(String, List, List, boolean, Duration, CancellationToken)} does, but
     * keeps the named capabilities after dropping all the others, with {@code no-new-privileges}.
     *
     * @param capabilities Linux capability names without the {@code CAP_} prefix, e.g. {@code DAC_READ_SEARCH}
     *     to read a directory whose mode keeps root out once the other capabilities are gone
     */
    public CompletedRun runToCompletion(String image, List<String> command, List<VolumeSpec> mounts,
            boolean hostPid, Set<String> capabilities, Duration deadline, CancellationToken cancel) {
        connection.inspectImage(image);
        HostConfig host = HostConfig.newHostConfig().withMounts(mounts(mounts, new ArrayList<>()))
            .withNetworkMode("none").withCapDrop(Capability.ALL)
            .withCapAdd(capabilities.stream().map(Capability::valueOf).toArray(Capability[]::new))
            .withSecurityOpts(List.of("no-new-privileges"))
            .withReadonlyRootfs(true).withPidMode(hostPid ? "host" : null);
        String id = connection.quickClient().createContainerCmd(image).withEntrypoint(command.get(0))
            .withCmd(command.subList(1, command.size()))
            .withName("vetbench-helper-" + UUID.randomUUID().toString().substring(0, 8))
            .withLabels(connection.owner().labels()).withHostConfig(host).exec().getId();
        try {
            startContainer(id, image);
            return new HelperWait(connection, id, image).await(deadline, cancel);
        } finally {
            connection.removeContainer(id);
        }
    }

    /**
     * Attaches to a container that already runs (started by someone else), to check it as a target. Its published
     * ports become the endpoints; closing the target leaves the container running.
     *
     * @param container the container's id or name
     * @throws DockerException when there is no such running container
     */
    public RunningTarget attach(String container) {
        InspectContainerResponse inspect;
        try {
            inspect = connection.quickClient().inspectContainerCmd(container).exec();
        } catch (com.github.dockerjava.api.exception.NotFoundException e) {
            throw new DockerException(DockerException.Reason.NOT_FOUND, "No container named " + container
                + " runs on the Docker host; check the name with docker ps.", e);
        }
        if (!Boolean.TRUE.equals(inspect.getState().getRunning())) {
            throw new DockerException(DockerException.Reason.TARGET_EXITED, "Container " + container
                + " is not running; start it first.", null);
        }
        Map<Integer, HostPort> endpoints = new LinkedHashMap<>();
        inspect.getNetworkSettings().getPorts().getBindings().forEach((port, bound) -> {
            if (bound != null && bound.length > 0 && port.getProtocol() == InternetProtocol.TCP) {
                String ip = bound[0].getHostIp();
                String host = ip == null || ip.isEmpty() || "0.0.0.0".equals(ip) || "::".equals(ip) ? "127.0.0.1" : ip;
                endpoints.put(port.getPort(), new HostPort(host, Integer.parseInt(bound[0].getHostPortSpec())));
            }
        });
        String image = inspect.getConfig().getImage();
        ImageDetails details = connection.inspectImage(inspect.getImageId());
        TargetProfile profile = new TargetProfile("attached", "A container that was already running", null, null,
            null, List.copyOf(endpoints.keySet()), null, null, null, null, null);
        String name = inspect.getName().startsWith("/") ? inspect.getName().substring(1) : inspect.getName();
        return new RunningTarget(connection, inspect.getId(), name, image, details, profile, endpoints, List.of(),
            false);
    }

    static void forget(RunningTarget target) {
        OPEN.remove(target);
    }

    private CreateContainerCmd create(String image, String name, TargetProfile profile, List<Mount> mounts) {
        Map<String, String> labels = new HashMap<>(connection.owner().labels());
        labels.put("dev.vetbench.profile", profile.name());
        labels.put("dev.vetbench.image", image);

        List<ExposedPort> exposed = profile.ports().stream().map(ExposedPort::tcp).toList();
        List<PortBinding> bindings = exposed.stream()
            .map(port -> new PortBinding(Ports.Binding.bindIp("127.0.0.1"), port)).toList();
        HostConfig host = HostConfig.newHostConfig().withPortBindings(bindings).withMounts(mounts);

        List<String> env = profile.environment().entrySet().stream()
            .map(entry -> entry.getKey() + "=" + entry.getValue()).toList();
        CreateContainerCmd command = connection.quickClient().createContainerCmd(image).withName(name)
            .withLabels(labels).withEnv(env).withExposedPorts(exposed).withHostConfig(host);
        if (!profile.effectiveCommand().isEmpty()) {
            command.withCmd(profile.effectiveCommand());
        }
        return command;
    }

    private List<Mount> mounts(List<VolumeSpec> volumes, List<String> freshVolumes) {
        List<Mount> mounts = new ArrayList<>();
        for (VolumeSpec volume : volumes) {
            if (volume.kind() == VolumeSpec.Kind.NONE) {
                continue;
            }
            String source = volume.source();
            if (volume.kind() == VolumeSpec.Kind.NAMED && source == null) {
                source = "vetbench-" + UUID.randomUUID().toString().substring(0, 12);
                connection.quickClient().createVolumeCmd().withName(source)
                    .withLabels(connection.owner().labels()).exec();
                freshVolumes.add(source);
            }
            mounts.add(new Mount().withType(volume.kind() == VolumeSpec.Kind.BIND ? MountType.BIND : MountType.VOLUME)
                .withSource(source).withTarget(volume.containerPath()).withReadOnly(volume.readOnly()));
        }
        return mounts;
    }

    private void startContainer(String containerId, String image) {
        try {
            connection.quickClient().startContainerCmd(containerId).exec();
        } catch (RuntimeException e) {
            List<String> tail = LogStream.tail(connection.quickClient(), containerId, FAILURE_LOG_LINES);
            throw new DockerException(DockerException.Reason.FAILED, "The container from " + image
                + " could not start: the engine said \"" + EngineErrors.engineMessage(e) + "\".", tail, e);
        }
    }

    private RunningTarget describe(String containerId, String name, String image, ImageDetails details,
            TargetProfile profile, List<String> freshVolumes) {
        InspectContainerResponse inspect = connection.quickClient().inspectContainerCmd(containerId).exec();
        Map<Integer, HostPort> endpoints = new LinkedHashMap<>();
        Map<ExposedPort, Ports.Binding[]> bindings = inspect.getNetworkSettings().getPorts().getBindings();
        for (int port : profile.ports()) {
            Ports.Binding[] bound = bindings.get(ExposedPort.tcp(port));
            if (bound != null && bound.length > 0) {
                endpoints.put(port, new HostPort("127.0.0.1", Integer.parseInt(bound[0].getHostPortSpec())));
            }
        }
        RunningTarget target = new RunningTarget(connection, containerId, name, image, details, profile, endpoints,
            freshVolumes, true);
        OPEN.add(target);
        LOG.info("Started {} from {} ({}) with profile {}: {}", name, image, details.digest(), profile.name(),
            endpoints);
        return target;
    }

    private RunningTarget awaitReady(RunningTarget target, ProgressListener progress, CancellationToken cancel) {
        try {
            progress.step("Waiting for " + target.profile().readiness().describe());
            new Readying(target).await(cancel);
            progress.step("Target " + target.name() + " is ready");
            return target;
        } catch (RuntimeException e) {
            target.close();
            throw e;
        }
    }
}

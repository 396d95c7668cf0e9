package dev.vetbench.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A container Vetbench started from an image version and a profile. Closing it stops and removes the container,
 * its anonymous volumes and the fresh named volumes made for it. A container Vetbench only attached to (one that
 * was already running) is left running on close.
 *
 * <p>From the start its log is followed through the Docker API into memory (the newest {@value #KEPT_LINES} lines),
 * so checks can wait for a line they caused.
 */
public final class RunningTarget implements AutoCloseable {

    /** How many log lines are kept in memory. */
    public static final int KEPT_LINES = 20_000;

    private static final Logger LOG = LoggerFactory.getLogger(RunningTarget.class);

    private final DockerConnection connection;
    private final String containerId;
    private final String name;
    private final String image;
    private final ImageDetails imageDetails;
    private final TargetProfile profile;
    private final Map<Integer, HostPort> endpoints;
    private final List<String> freshVolumes;
    private final boolean owned;
    private final List<String> log = new ArrayList<>();
    private final LogStream follower;
    private volatile boolean closed;

    RunningTarget(DockerConnection connection, String containerId, String name, String image,
            ImageDetails imageDetails, TargetProfile profile, Map<Integer, HostPort> endpoints,
            List<String> freshVolumes, boolean owned) {
        this.connection = connection;
        this.containerId = containerId;
        this.name = name;
        this.image = image;
        this.imageDetails = imageDetails;
        this.profile = profile;
        this.endpoints = Map.copyOf(endpoints);
        this.freshVolumes = List.copyOf(freshVolumes);
        this.owned = owned;
        this.follower = LogStream.open(connection.streamingClient(), containerId, true, -1, this::keep);
    }

    /** The engine's id of the container. */
    public String containerId() {
        return containerId;
    }

    /** The container's name, {@code vetbench-PROFILE-XXXXXXXX}. */
    public String name() {
        return name;
    }

    /** The image reference the target was started from, e.g. {@code medivendor/frontend:1.5.0}. */
    public String image() {
        return image;
    }

    /** The image's registry digest ({@code sha256:...}), or its image id when it never came from a registry. */
    public String imageDigest() {
        return imageDetails.digest();
    }

    /** What the image declares (VOLUMEs, ports, environment, ...). */
    public ImageDetails imageDetails() {
        return imageDetails;
    }

    /** The profile the target was started with. */
    public TargetProfile profile() {
        return profile;
    }

    /**
     * Where a published container port can be reached.
     *
     * @throws IllegalArgumentException when the profile did not publish that port
     */
    // Limitation: ports are published on the Docker host's loopback, so a target on a remote engine cannot be
    // reached from this machine; checks then need an SSH tunnel or a local engine.
    public HostPort endpoint(int containerPort) {
        HostPort endpoint = endpoints.get(containerPort);
        if (endpoint == null) {
            throw new IllegalArgumentException("port " + containerPort + " is not published by profile "
                + profile.name());
        }
        return endpoint;
    }

    /** Every published container port and where it can be reached. */
    public Map<Integer, HostPort> endpoints() {
        return endpoints;
    }

    /** The container's mounts as the engine reports them now. */
    public List<MountInfo> mounts() {
        List<InspectContainerResponse.Mount> mounts = inspect().getMounts();
        if (mounts == null) {
            return List.of();
        }
        return mounts.stream().map(mount -> new MountInfo(
                mount.getName() == null || mount.getName().isEmpty() ? "bind" : "volume",
                mount.getName() == null ? "" : mount.getName(),
                mount.getSource() == null ? "" : mount.getSource(),
                mount.getDestination() == null ? "" : mount.getDestination().getPath(),
                mount.getDriver() == null ? "" : mount.getDriver(),
                !Boolean.FALSE.equals(mount.getRW())))
            .toList();
    }

    /** Whether the container still runs. */
    public boolean isRunning() {
        return exitCode().isEmpty();
    }

    /** The exit code once the container has stopped; empty while it runs. */
    public Optional<Integer> exitCode() {
        InspectContainerResponse.ContainerState state = inspect().getState();
        if (Boolean.TRUE.equals(state.getRunning())) {
            return Optional.empty();
        }
        Long code = state.getExitCodeLong();
        return Optional.of(code == null ? -1 : code.intValue());
    }

    /** The log lines seen so far (stdout and stderr together), oldest first. */
    public List<String> logs() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** The last {@code lines} lines of the log, read from the engine now. */
    public List<String> logTail(int lines) {
        return LogStream.tail(connection.quickClient(), containerId, lines);
    }

    /**
     * Waits for a log line that matches, counting lines already seen.
     *
     * @return the first matching line, or empty when none appeared within {@code timeout}
     */
    public Optional<String> awaitLogLine(Pattern pattern, Duration timeout, CancellationToken cancel) {
        long end = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        synchronized (log) {
            while (true) {
                for (; seen < log.size(); seen++) {
                    if (pattern.matcher(log.get(seen)).find()) {
                        return Optional.of(log.get(seen));
                    }
                }
                long left = end - System.nanoTime();
                if (left <= 0 || cancel.isCancelled()) {
                    return Optional.empty();
                }
                waitForLines(left);
                seen = Math.min(seen, log.size());
            }
        }
    }

    /**
     * Streams the log through the Docker API from the start, then new lines as they come, until closed.
     *
     * @param onLine called on a stream thread for each line
     */
    public LogSubscription followLogs(Consumer<String> onLine) {
        LogStream stream = LogStream.open(connection.streamingClient(), containerId, true, -1, onLine);
        return stream::closeQuietly;
    }

    /** Whether Vetbench started this container (and removes it on close). */
    public boolean isOwned() {
        return owned;
    }

    /** Stops and removes the container with its volumes; calling it again does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        TargetLauncher.forget(this);
        follower.closeQuietly();
        if (!owned) {
            return;
        }
        connection.removeContainer(containerId);
        freshVolumes.forEach(connection::removeVolume);
        LOG.info("Removed target {} ({})", name, image);
    }

    @Override
    public String toString() {
        return name + " (" + image + ", " + imageDigest() + ")";
    }

    private InspectContainerResponse inspect() {
        try {
            return connection.quickClient().inspectContainerCmd(containerId).exec();
        } catch (NotFoundException e) {
            throw new DockerException(DockerException.Reason.TARGET_EXITED, "The container " + name + " from "
                + image + " is gone; it was removed outside Vetbench.", e);
        } catch (RuntimeException e) {
            throw EngineErrors.during("Inspecting container " + name, connection.host(), e);
        }
    }

    private void keep(String line) {
        synchronized (log) {
            if (log.size() >= KEPT_LINES) {
                log.remove(0);
            }
            log.add(line);
            log.notifyAll();
        }
    }

    private void waitForLines(long nanos) {
        try {
            log.wait(Math.max(1, nanos / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerException(DockerException.Reason.CANCELLED, "Waiting for a log line was interrupted.", e);
        }
    }
}

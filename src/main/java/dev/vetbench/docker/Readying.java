package dev.vetbench.docker;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/** Waits until a started target is ready, exits, or misses its deadline. */
final class Readying {

    private static final long POLL_MILLIS = 150;
    private static final int PROBE_CONNECT_MILLIS = 500;
    private static final int PROBE_READ_MILLIS = 250;

    private final RunningTarget target;

    Readying(RunningTarget target) {
        this.target = target;
    }

    void await(CancellationToken cancel) {
        Readiness readiness = target.profile().readiness();
        Duration deadline = target.profile().deadline();
        long end = System.nanoTime() + deadline.toNanos();
        Pattern pattern = readiness.logPattern() == null ? null : Pattern.compile(readiness.logPattern());
        boolean portReady = readiness.tcpPort() == null;
        boolean logReady = pattern == null;
        while (true) {
            cancel.throwIfCancelled("Starting " + target.image());
            Optional<Integer> exit = target.exitCode();
            if (exit.isPresent()) {
                throw exited(exit.get());
            }
            portReady = portReady || holdsConnection(target.endpoint(readiness.tcpPort()));
            logReady = logReady || target.logs().stream().anyMatch(line -> pattern.matcher(line).find());
            if (portReady && logReady) {
                return;
            }
            if (System.nanoTime() > end) {
                throw notReady(deadline);
            }
            sleep();
        }
    }

    /**
     * Whether the port holds a connection open. A published port always accepts (the engine's proxy listens), but
     * while nothing listens inside the container the proxy closes the connection at once; a real server waits for
     * the client to speak, or greets it.
     */
    // Limitation: a server that hangs up on a silent client within 250 ms never counts as ready by port; give such
    // an image a log-line readiness in its profile instead.
    static boolean holdsConnection(HostPort endpoint) {
        try (Socket socket = new Socket()) {
            socket.connect(endpoint.socketAddress(), PROBE_CONNECT_MILLIS);
            socket.setSoTimeout(PROBE_READ_MILLIS);
            InputStream in = socket.getInputStream();
            return in.read() >= 0;
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private DockerException exited(int code) {
        return new DockerException(DockerException.Reason.TARGET_EXITED, "The container from " + target.image()
            + " exited with code " + code + " before it became ready; its last log lines follow.",
            target.logTail(TargetLauncher.FAILURE_LOG_LINES), null);
    }

    private DockerException notReady(Duration deadline) {
        return new DockerException(DockerException.Reason.TARGET_NOT_READY, "The container from " + target.image()
            + " did not become ready within " + seconds(deadline) + " (waiting for "
            + target.profile().readiness().describe() + "); its last log lines follow.",
            target.logTail(TargetLauncher.FAILURE_LOG_LINES), null);
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s",
            millis / 1000.0);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerException(DockerException.Reason.CANCELLED, "Waiting for the target was interrupted.", e);
        }
    }
}

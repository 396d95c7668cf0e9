package dev.vetbench.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.time.Duration;

/** Waits for a helper container to finish and collects its output. */
final class HelperWait {

    private static final long POLL_MILLIS = 100;
    private static final int MAX_LINES = 100_000;

    private final DockerConnection connection;
    private final String containerId;
    private final String image;

    HelperWait(DockerConnection connection, String containerId, String image) {
        this.connection = connection;
        this.containerId = containerId;
        this.image = image;
    }

    CompletedRun await(Duration deadline, CancellationToken cancel) {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            cancel.throwIfCancelled("Running a helper from " + image);
            InspectContainerResponse.ContainerState state = connection.quickClient()
                .inspectContainerCmd(containerId).exec().getState();
            if (!Boolean.TRUE.equals(state.getRunning())) {
                Long code = state.getExitCodeLong();
                return new CompletedRun(code == null ? -1 : code.intValue(),
                    LogStream.tail(connection.quickClient(), containerId, MAX_LINES));
            }
            if (System.nanoTime() > end) {
                throw new DockerException(DockerException.Reason.TARGET_NOT_READY, "The helper container from "
                    + image + " did not finish within " + Readying.seconds(deadline) + "; it was removed.",
                    LogStream.tail(connection.quickClient(), containerId, TargetLauncher.FAILURE_LOG_LINES), null);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DockerException(DockerException.Reason.CANCELLED, "The helper was interrupted.", e);
            }
        }
    }
}

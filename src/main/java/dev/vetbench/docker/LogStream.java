package dev.vetbench.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a container's log through the Docker API and hands it on line by line (stdout and stderr together). */
final class LogStream extends ResultCallback.Adapter<Frame> {

    private static final Logger LOG = LoggerFactory.getLogger(LogStream.class);

    private final Consumer<String> onLine;
    private final Map<StreamType, ByteArrayOutputStream> partial = new EnumMap<>(StreamType.class);

    private LogStream(Consumer<String> onLine) {
        this.onLine = onLine;
    }

    /**
     * Starts reading; the stream ends by itself for a stopped container or when closed.
     *
     * @param tail how many of the last lines to start with, or -1 for all of them
     */
    static LogStream open(DockerClient client, String containerId, boolean follow, int tail,
            Consumer<String> onLine) {
        var command = client.logContainerCmd(containerId).withStdOut(true).withStdErr(true)
            .withFollowStream(follow);
        if (tail >= 0) {
            command.withTail(tail);
        }
        return command.exec(new LogStream(onLine));
    }

    /** The last {@code lines} lines of a container's log, read at once. */
    static List<String> tail(DockerClient client, String containerId, int lines) {
        List<String> collected = new ArrayList<>();
        LogStream stream = open(client, containerId, false, lines, line -> {
            synchronized (collected) {
                collected.add(line);
            }
        });
        try {
            stream.awaitCompletion(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stream.closeQuietly();
        }
        synchronized (collected) {
            return List.copyOf(collected);
        }
    }

    @Override
    public void onNext(Frame frame) {
        byte[] payload = frame.getPayload();
        if (payload == null) {
            return;
        }
        synchronized (partial) {
            ByteArrayOutputStream buffer = partial.computeIfAbsent(frame.getStreamType(),
                type -> new ByteArrayOutputStream());
            for (byte b : payload) {
                if (b == '\n') {
                    emit(buffer);
                } else {
                    buffer.write(b);
                }
            }
        }
    }

    @Override
    public void onComplete() {
        synchronized (partial) {
            partial.values().stream().filter(buffer -> buffer.size() > 0).forEach(this::emit);
        }
        super.onComplete();
    }

    @Override
    public void onError(Throwable throwable) {
        // A stream closed on purpose (target removed, follower cancelled) ends with an error; nobody needs it.
        LOG.debug("Log stream ended: {}", throwable.toString());
        super.onError(throwable);
    }

    void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            LOG.debug("Closing a log stream failed", e);
        }
    }

    private void emit(ByteArrayOutputStream buffer) {
        String line = buffer.toString(StandardCharsets.UTF_8);
        buffer.reset();
        onLine.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
}

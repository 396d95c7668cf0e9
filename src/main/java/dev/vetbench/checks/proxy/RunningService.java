package dev.vetbench.checks.proxy;

import dev.vetbench.docker.CancellationToken;
import dev.vetbench.docker.HostPort;
import dev.vetbench.docker.RunningTarget;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** A {@link ProxiedService} over a container Vetbench started; its log comes through the Docker API. */
final class RunningService implements ProxiedService {

    private final RunningTarget target;
    private final CancellationToken cancel;

    RunningService(RunningTarget target, CancellationToken cancel) {
        this.target = target;
        this.cancel = cancel;
    }

    @Override
    public String description() {
        return target.image() + " (" + target.imageDigest() + ")";
    }

    @Override
    public Map<Integer, InetSocketAddress> ports() {
        Map<Integer, InetSocketAddress> ports = new LinkedHashMap<>();
        for (int port : target.profile().ports()) {
            HostPort endpoint = target.endpoints().get(port);
            if (endpoint != null) {
                ports.put(port, endpoint.socketAddress());
            }
        }
        return ports;
    }

    @Override
    public Optional<String> awaitLogLine(String needle, Duration timeout) {
        return target.awaitLogLine(Pattern.compile(Pattern.quote(needle)), timeout, cancel);
    }

    @Override
    public List<String> recentLog(int lines) {
        List<String> all = target.logs();
        return all.subList(Math.max(0, all.size() - lines), all.size());
    }
}

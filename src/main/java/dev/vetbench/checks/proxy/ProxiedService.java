package dev.vetbench.checks.proxy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A service started with its PROXY-protocol switch on: where its ports are and how to read its log. */
public interface ProxiedService {

    /** The service for people, e.g. {@code medivendor/frontend:1.5.0 (sha256:..)}. */
    String description();

    /** Each container port the profile publishes and where it can be reached from here, in profile order. */
    Map<Integer, InetSocketAddress> ports();

    /**
     * Waits for a log line that contains {@code needle}, counting lines already logged.
     *
     * @return the line, or empty when none appeared within {@code timeout}
     */
    Optional<String> awaitLogLine(String needle, Duration timeout);

    /** The newest {@code lines} lines of the log, e.g. nginx's complaint about a broken header. */
    List<String> recentLog(int lines);
}

package dev.vetbench.docker;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Vetbench process that owns a container: this machine's name, the process id and its start time. The start
 * time tells a live owner from a new process that happens to reuse the same id.
 */
record Owner(String host, long pid, long startedMillis) {

    static final String MANAGED = "dev.vetbench.managed";
    static final String HOST = "dev.vetbench.owner.host";
    static final String PID = "dev.vetbench.owner.pid";
    static final String STARTED = "dev.vetbench.owner.started";

    /** The process this code runs in. */
    static Owner current() {
        ProcessHandle self = ProcessHandle.current();
        return new Owner(hostName(), self.pid(), startedMillis(self));
    }

    /** The owner that the labels name, if they name one. */
    static Optional<Owner> fromLabels(Map<String, String> labels) {
        try {
            return Optional.of(new Owner(labels.getOrDefault(HOST, ""), Long.parseLong(labels.get(PID)),
                Long.parseLong(labels.getOrDefault(STARTED, "0"))));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** The labels every container and volume Vetbench creates carries. */
    Map<String, String> labels() {
        Map<String, String> labels = new HashMap<>();
        labels.put(MANAGED, "true");
        labels.put(HOST, host);
        labels.put(PID, Long.toString(pid));
        labels.put(STARTED, Long.toString(startedMillis));
        return labels;
    }

    /** Whether the owning process still runs; only meaningful for owners on this machine. */
    boolean isAlive() {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        long started = startedMillis(process.get());
        // Allow for rounding of the start time; a reused pid starts much later.
        return startedMillis == 0 || started == 0 || Math.abs(started - startedMillis) < 2_000;
    }

    private static long startedMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    private static String hostName() {
        String fromEnv = System.getenv("HOSTNAME");
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return fromEnv == null || fromEnv.isBlank() ? "localhost" : fromEnv;
        }
    }
}

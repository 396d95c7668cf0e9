package dev.vetbench.docker;

/**
 * How to tell that a target is ready: a container port that accepts and holds a connection, a log line, or both.
 *
 * @param tcpPort the container port to probe, or {@code null}
 * @param logPattern a regular expression that a log line must match, or {@code null}
 */
public record Readiness(Integer tcpPort, String logPattern) {

    /** Ready when the published container port holds a connection open. */
    public static Readiness tcp(int containerPort) {
        return new Readiness(containerPort, null);
    }

    /** Ready when a log line matches the regular expression. */
    public static Readiness logLine(String regex) {
        return new Readiness(null, regex);
    }

    /** Ready as soon as the container runs. */
    public static Readiness running() {
        return new Readiness(null, null);
    }

    /** For people: "port 443 accepting connections". */
    public String describe() {
        String port = tcpPort == null ? null : "port " + tcpPort + " accepting connections";
        String log = logPattern == null ? null : "a log line matching /" + logPattern + "/";
        if (port != null && log != null) {
            return port + " and " + log;
        }
        return port != null ? port : log != null ? log : "the container running";
    }
}

package dev.vetbench.checks.proxy;

import java.util.Optional;

/**
 * One request of the check: a port, a scheme, a header (or none), the unique path, and what happened.
 *
 * @param port the container port
 * @param tls whether it spoke HTTPS
 * @param header the header sent first, empty for the request without one
 * @param path the unique request path
 * @param outcome the server's answer
 * @param logLine the access-log line with the path, when one appeared
 */
public record ProxyCase(int port, boolean tls, Optional<ProxyHeader> header, String path, RequestOutcome outcome,
        Optional<AccessLogLine> logLine) {

    /** Whether the log line records the header's source address. */
    public boolean recordsClientAddress() {
        return header.isPresent() && logLine.isPresent()
            && logLine.get().records(header.get().source().address());
    }

    /** E.g. "port 443 (https) v2 TCP6". */
    public String label() {
        String kind = header.map(h -> h.version().name().toLowerCase() + " " + h.family()).orElse("no header");
        return "port " + port + " (" + (tls ? "https" : "http") + ") " + kind;
    }

    /** For evidence: what was sent, what came back, and what the log shows. */
    public String describe() {
        String sent = header.map(ProxyHeader::describe).orElse("no PROXY header");
        String logged = logLine.map(line -> "log shows " + line.shownAddressText() + ": " + line.line())
            .orElse("no log line with " + path);
        return label() + ": sent [" + sent + "] GET " + path + "; " + outcome.describe() + "; " + logged;
    }
}

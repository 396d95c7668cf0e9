package dev.vetbench.checks;

import dev.vetbench.tls.StartTls;
import java.util.Objects;

/**
 * A network endpoint a check probes, with the words a report uses for it.
 *
 * @param host the host name or address to connect to
 * @param port the TCP port
 * @param startTls what to say before TLS begins, e.g. PostgreSQL's SSLRequest
 * @param description what the endpoint is for people, e.g. {@code medivendor/frontend:1.5.0@sha256:..} or
 *     {@code 127.0.0.1:8443}
 */
public record CheckTarget(String host, int port, StartTls startTls, String description) {

    public CheckTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(startTls, "startTls");
        Objects.requireNonNull(description, "description");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, not " + port);
        }
    }

    /** A bare host:port endpoint described by its address. */
    public static CheckTarget of(String host, int port, StartTls startTls) {
        return new CheckTarget(host, port, startTls, address(host, port));
    }

    /** {@code host:port}, with IPv6 literals in brackets. */
    public String address() {
        return address(host, port);
    }

    private static String address(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}

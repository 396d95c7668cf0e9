package dev.vetbench.tls;

import java.util.Objects;

/**
 * Where a TLS probe connects.
 *
 * @param host host name or address
 * @param port TCP port
 * @param startTls what to say before TLS begins
 */
public record TlsEndpoint(String host, int port, StartTls startTls) {

    public TlsEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(startTls, "startTls");
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port
            + (startTls == StartTls.NONE ? "" : " (" + startTls.name().toLowerCase() + ")");
    }
}

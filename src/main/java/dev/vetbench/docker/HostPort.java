package dev.vetbench.docker;

import java.net.InetSocketAddress;

/**
 * Where a published container port can be reached from this machine.
 *
 * @param host the address, e.g. {@code 127.0.0.1}
 * @param port the host port the engine picked
 */
public record HostPort(String host, int port) {

    /** As a socket address, without a name lookup. */
    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(host, port);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}

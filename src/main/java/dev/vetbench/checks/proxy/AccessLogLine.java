package dev.vetbench.checks.proxy;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The access-log line a request left, read back from the container's log, and the client address it shows.
 *
 * @param line the raw line
 * @param addresses every IP address in the line, in order; the first is the client field of common log formats
 */
public record AccessLogLine(String line, List<InetAddress> addresses) {

    public AccessLogLine {
        addresses = List.copyOf(addresses);
    }

    /** Reads the addresses out of a log line. */
    public static AccessLogLine of(String line) {
        return new AccessLogLine(line, AddressText.findAll(line));
    }

    /**
     * Reads the addresses out of a log line, leaving out the request path we sent, so that nothing we put in the
     * request can be mistaken for the address the server recorded.
     */
    public static AccessLogLine of(String line, String requestPath) {
        return new AccessLogLine(line, AddressText.findAll(line.replace(requestPath, " ")));
    }

    /** The client address the line shows: its first address (nginx, Apache and HAProxy formats start with it). */
    public Optional<InetAddress> shownAddress() {
        return addresses.isEmpty() ? Optional.empty() : Optional.of(addresses.get(0));
    }

    /** The shown address as text, or "no address". */
    public String shownAddressText() {
        return shownAddress().map(AddressText::format).orElse("no address");
    }

    /**
     * Whether the line records {@code address}: it appears as an address anywhere in the line (formats that put
     * the client elsewhere, e.g. {@code client=...} at the end, still count).
     */
    public boolean records(InetAddress address) {
        return addresses.contains(address);
    }
}

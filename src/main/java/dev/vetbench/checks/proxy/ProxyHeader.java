package dev.vetbench.checks.proxy;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A PROXY protocol header for one TCP connection, as a load balancer sends it before the client's bytes, in either
 * version of the HAProxy PROXY protocol specification ("The PROXY protocol", versions 1 and 2).
 *
 * @param version text (v1) or binary (v2)
 * @param source the original client's address and port the balancer reports
 * @param destination the address and port the client connected to on the balancer
 */
public record ProxyHeader(Version version, ProxiedAddress source, ProxiedAddress destination) {

    /** The twelve bytes every v2 header starts with (spec section 2.2). */
    static final byte[] V2_SIGNATURE = {
        0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A,
    };

    /** The version of the PROXY protocol. */
    public enum Version {
        /** Human-readable: {@code PROXY TCP4 src dst sport dport\r\n}. */
        V1,
        /** Binary: signature, version and command, family, length, addresses. */
        V2
    }

    public ProxyHeader {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        if (source.isIpv6() != destination.isIpv6()) {
            throw new IllegalArgumentException("source and destination must be of one address family");
        }
    }

    /** {@code TCP4} or {@code TCP6}, the v1 name of the address family. */
    public String family() {
        return source.isIpv6() ? "TCP6" : "TCP4";
    }

    /** The bytes to send first on the connection. */
    public byte[] encode() {
        return version == Version.V1 ? encodeV1() : encodeV2();
    }

    /** For evidence: the v1 line without CR LF, or a v2 summary with the header in hex. */
    public String describe() {
        if (version == Version.V1) {
            return new String(encodeV1(), StandardCharsets.US_ASCII).strip();
        }
        return "v2 PROXY " + family() + " " + source + " -> " + destination + " (" + hex(encodeV2()) + ")";
    }

    // Spec 2.1: "PROXY" SP family SP src SP dst SP sport SP dport CRLF, at most 107 bytes, addresses in their
    // textual form (IPv6 as RFC 5952 recommends, which is what servers print back in their logs).
    private byte[] encodeV1() {
        String line = "PROXY " + family() + " " + source.text() + " " + destination.text() + " "
            + source.port() + " " + destination.port() + "\r\n";
        return line.getBytes(StandardCharsets.US_ASCII);
    }

    // Spec 2.2: signature, 0x21 (version 2, PROXY command), 0x11 (AF_INET, STREAM) or 0x21 (AF_INET6, STREAM),
    // the length of what follows in network byte order, then source address, destination address, source port,
    // destination port.
    private byte[] encodeV2() {
        byte[] src = source.address().getAddress();
        byte[] dst = destination.address().getAddress();
        ByteBuffer addresses = ByteBuffer.allocate(src.length + dst.length + 4);
        addresses.put(src).put(dst).putShort((short) source.port()).putShort((short) destination.port());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(V2_SIGNATURE);
        out.write(0x21);
        out.write(source.isIpv6() ? 0x21 : 0x11);
        out.write(addresses.capacity() >>> 8);
        out.write(addresses.capacity() & 0xFF);
        out.writeBytes(addresses.array());
        return out.toByteArray();
    }

    static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            text.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return text.toString();
    }

    /**
     * An address and TCP port carried in a header.
     *
     * @param address an IPv4 or IPv6 address
     * @param port 0 to 65535
     */
    public record ProxiedAddress(InetAddress address, int port) {

        public ProxiedAddress {
            Objects.requireNonNull(address, "address");
            if (!(address instanceof Inet4Address) && !(address instanceof Inet6Address)) {
                throw new IllegalArgumentException("an IPv4 or IPv6 address is needed");
            }
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
            }
        }

        public boolean isIpv6() {
            return address instanceof Inet6Address;
        }

        /** The address as servers print it: dotted quad, or RFC 5952 compressed IPv6. */
        public String text() {
            return AddressText.format(address);
        }

        @Override
        public String toString() {
            return isIpv6() ? "[" + text() + "]:" + port : text() + ":" + port;
        }
    }
}

package dev.vetbench.checks.proxy;

import dev.vetbench.checks.proxy.ProxyHeader.ProxiedAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.Random;

/**
 * Addresses reserved for documentation, chosen at random per run so that a log line carrying one can only have
 * come from this run's header: RFC 5737 (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) and RFC 3849
 * (2001:db8::/32). No real client ever has them, so a match in a log is unambiguous.
 */
public final class DocumentationAddresses {

    private static final int[][] IPV4_BLOCKS = {{192, 0, 2}, {198, 51, 100}, {203, 0, 113}};

    private final Random random;

    /** Chooses with a secure random source. */
    public DocumentationAddresses() {
        this(new SecureRandom());
    }

    /** Chooses with the given source, for repeatable tests. */
    public DocumentationAddresses(Random random) {
        this.random = random;
    }

    /** A client address and an ephemeral port: TCP4 from RFC 5737, TCP6 from RFC 3849. */
    public ProxiedAddress client(boolean ipv6) {
        return new ProxiedAddress(ipv6 ? ipv6() : ipv4(), 49_152 + random.nextInt(16_384));
    }

    /** The balancer's own address the client connected to, distinct from {@link #client}'s block choice. */
    public ProxiedAddress balancer(boolean ipv6, int port) {
        return new ProxiedAddress(ipv6 ? ipv6() : ipv4(), port);
    }

    private InetAddress ipv4() {
        int[] block = IPV4_BLOCKS[random.nextInt(IPV4_BLOCKS.length)];
        byte[] bytes = {(byte) block[0], (byte) block[1], (byte) block[2], (byte) (1 + random.nextInt(254))};
        return literal(bytes);
    }

    private InetAddress ipv6() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        // 2001:0db8::/32, the documentation prefix of RFC 3849; the other 96 bits are random.
        bytes[0] = 0x20;
        bytes[1] = 0x01;
        bytes[2] = 0x0d;
        bytes[3] = (byte) 0xb8;
        return literal(bytes);
    }

    private static InetAddress literal(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of 4 or 16 bytes is always valid", e);
        }
    }
}

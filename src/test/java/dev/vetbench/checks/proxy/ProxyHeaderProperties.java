package dev.vetbench.checks.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.checks.proxy.ProxyHeader.ProxiedAddress;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Headers for any address and port decode back to what was meant, the way a receiver reads them (spec 2.1, 2.2). */
class ProxyHeaderProperties {

    @Property(tries = 500)
    void versionTwoDecodesBackToTheSameAddressesAndPorts(@ForAll @Size(16) byte[] src, @ForAll @Size(16) byte[] dst,
            @ForAll @IntRange(max = 65_535) int srcPort, @ForAll @IntRange(max = 65_535) int dstPort,
            @ForAll boolean ipv6) throws Exception {
        // Java turns IPv4-mapped IPv6 bytes (::ffff:a.b.c.d) into an IPv4 address; expect what it made.
        byte[] s = InetAddress.getByAddress(ipv6 ? src : Arrays.copyOf(src, 4)).getAddress();
        byte[] d = InetAddress.getByAddress(ipv6 ? dst : Arrays.copyOf(dst, 4)).getAddress();
        Assume.that(s.length == d.length);
        ProxyHeader header = new ProxyHeader(ProxyHeader.Version.V2,
            new ProxiedAddress(InetAddress.getByAddress(s), srcPort), new ProxiedAddress(InetAddress.getByAddress(d),
                dstPort));

        ByteBuffer bytes = ByteBuffer.wrap(header.encode());

        byte[] signature = new byte[12];
        bytes.get(signature);
        assertThat(signature).isEqualTo(ProxyHeader.V2_SIGNATURE);
        assertThat(bytes.get()).isEqualTo((byte) 0x21);
        assertThat(bytes.get()).isEqualTo((byte) (s.length == 16 ? 0x21 : 0x11));
        assertThat(Short.toUnsignedInt(bytes.getShort())).isEqualTo(bytes.remaining());
        byte[] decodedSource = new byte[s.length];
        byte[] decodedDestination = new byte[d.length];
        bytes.get(decodedSource).get(decodedDestination);
        assertThat(decodedSource).isEqualTo(s);
        assertThat(decodedDestination).isEqualTo(d);
        assertThat(Short.toUnsignedInt(bytes.getShort())).isEqualTo(srcPort);
        assertThat(Short.toUnsignedInt(bytes.getShort())).isEqualTo(dstPort);
    }

    @Property(tries = 500)
    void versionOneIsOneShortAsciiLineWhoseFieldsParseBack(@ForAll @Size(16) byte[] src,
            @ForAll @Size(16) byte[] dst, @ForAll @IntRange(max = 65_535) int srcPort,
            @ForAll @IntRange(max = 65_535) int dstPort, @ForAll boolean ipv6) throws Exception {
        // Java turns IPv4-mapped IPv6 bytes (::ffff:a.b.c.d) into an IPv4 address; expect what it made.
        byte[] s = InetAddress.getByAddress(ipv6 ? src : Arrays.copyOf(src, 4)).getAddress();
        byte[] d = InetAddress.getByAddress(ipv6 ? dst : Arrays.copyOf(dst, 4)).getAddress();
        Assume.that(s.length == d.length);
        ProxyHeader header = new ProxyHeader(ProxyHeader.Version.V1,
            new ProxiedAddress(InetAddress.getByAddress(s), srcPort), new ProxiedAddress(InetAddress.getByAddress(d),
                dstPort));

        String line = new String(header.encode(), StandardCharsets.US_ASCII);
        String[] fields = line.substring(0, line.length() - 2).split(" ");

        assertThat(line).endsWith("\r\n").hasSizeLessThanOrEqualTo(107);
        assertThat(fields).hasSize(6);
        assertThat(fields[1]).isEqualTo(s.length == 16 ? "TCP6" : "TCP4");
        assertThat(InetAddress.getByName(fields[2]).getAddress()).isEqualTo(s);
        assertThat(InetAddress.getByName(fields[3]).getAddress()).isEqualTo(d);
        assertThat(Integer.parseInt(fields[4])).isEqualTo(srcPort);
        assertThat(Integer.parseInt(fields[5])).isEqualTo(dstPort);
        assertThat(AccessLogLine.of("x " + fields[2] + " y").records(InetAddress.getByAddress(s))).isTrue();
    }
}

package dev.vetbench.checks.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vetbench.checks.proxy.ProxyHeader.ProxiedAddress;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProxyHeaderTest {

    private static ProxiedAddress at(String literal, int port) throws Exception {
        return new ProxiedAddress(InetAddress.getByName(literal), port);
    }

    @Test
    void versionOneTcp4IsTheSpecExampleLine() throws Exception {
        ProxyHeader header = new ProxyHeader(ProxyHeader.Version.V1, at("192.0.2.7", 56_324),
            at("198.51.100.22", 443));

        assertThat(new String(header.encode(), StandardCharsets.US_ASCII))
            .isEqualTo("PROXY TCP4 192.0.2.7 198.51.100.22 56324 443\r\n");
    }

    @Test
    void versionOneTcp6WritesCompressedAddresses() throws Exception {
        ProxyHeader header = new ProxyHeader(ProxyHeader.Version.V1, at("2001:db8:0:0:0:0:0:1", 50_000),
            at("2001:db8:0:0:1:0:0:2", 80));

        String line = new String(header.encode(), StandardCharsets.US_ASCII);

        assertThat(line).isEqualTo("PROXY TCP6 2001:db8::1 2001:db8::1:0:0:2 50000 80\r\n");
        // Spec 2.1: a v1 header is at most 107 bytes including CRLF.
        assertThat(line.length()).isLessThanOrEqualTo(107);
    }

    @Test
    void versionTwoTcp4HasSignatureCommandFamilyLengthAndAddresses() throws Exception {
        byte[] bytes = new ProxyHeader(ProxyHeader.Version.V2, at("203.0.113.9", 0xC350),
            at("192.0.2.1", 443)).encode();

        assertThat(Arrays.copyOfRange(bytes, 0, 12)).isEqualTo(ProxyHeader.V2_SIGNATURE);
        assertThat(bytes[12]).isEqualTo((byte) 0x21);
        assertThat(bytes[13]).isEqualTo((byte) 0x11);
        assertThat(ByteBuffer.wrap(bytes, 14, 2).getShort()).isEqualTo((short) 12);
        assertThat(bytes).hasSize(16 + 12);
        assertThat(Arrays.copyOfRange(bytes, 16, 20)).containsExactly(203, 0, 113, 9);
        assertThat(Arrays.copyOfRange(bytes, 20, 24)).containsExactly(192, 0, 2, 1);
        assertThat(ByteBuffer.wrap(bytes, 24, 4).getInt()).isEqualTo(0xC350_01BB);
    }

    @Test
    void versionTwoTcp6CarriesThirtySixAddressBytes() throws Exception {
        byte[] bytes = new ProxyHeader(ProxyHeader.Version.V2, at("2001:db8::7", 1234),
            at("2001:db8::8", 80)).encode();

        assertThat(bytes[13]).isEqualTo((byte) 0x21);
        assertThat(ByteBuffer.wrap(bytes, 14, 2).getShort()).isEqualTo((short) 36);
        assertThat(bytes).hasSize(16 + 36);
        assertThat(Arrays.copyOfRange(bytes, 16, 32)).isEqualTo(InetAddress.getByName("2001:db8::7").getAddress());
        assertThat(ByteBuffer.wrap(bytes, 48, 2).getShort()).isEqualTo((short) 1234);
    }

    @Test
    void familiesMustMatch() {
        assertThatThrownBy(() -> new ProxyHeader(ProxyHeader.Version.V1, at("192.0.2.1", 1), at("2001:db8::1", 2)))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void documentationAddressesStayInsideTheReservedBlocks() {
        DocumentationAddresses addresses = new DocumentationAddresses();
        for (int i = 0; i < 500; i++) {
            String v4 = addresses.client(false).text();
            byte[] v6 = addresses.client(true).address().getAddress();

            assertThat(v4).matches("(192\\.0\\.2|198\\.51\\.100|203\\.0\\.113)\\.(\\d+)");
            assertThat(v4).doesNotEndWith(".0").doesNotEndWith(".255");
            assertThat(Arrays.copyOfRange(v6, 0, 4)).containsExactly(0x20, 0x01, 0x0d, 0xb8);
        }
    }

    @Test
    void documentationAddressesDifferFromRunToRun() {
        DocumentationAddresses addresses = new DocumentationAddresses();

        long distinct = java.util.stream.IntStream.range(0, 50).mapToObj(i -> addresses.client(true).text())
            .distinct().count();

        assertThat(distinct).isEqualTo(50);
    }
}

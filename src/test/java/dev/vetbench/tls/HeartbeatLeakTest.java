package dev.vetbench.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Leaked memory is measured, hashed and erased; only its shape survives, and only when asked for. */
class HeartbeatLeakTest {

    private static final String MEMORY = "hdr|PATIENT Jane Q. Testcase|DOB 1961-04-12|";

    @Test
    void leakKeepsLengthAndDigestAndErasesTheBytes() throws Exception {
        byte[] buffer = MEMORY.getBytes(StandardCharsets.US_ASCII);
        byte[] expected = MEMORY.substring(4).getBytes(StandardCharsets.US_ASCII);

        HeartbeatLeak leak = HeartbeatLeak.measureAndErase(buffer, 4, buffer.length - 4, false);

        assertThat(leak.length()).isEqualTo(expected.length);
        assertThat(leak.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
            .digest(expected)));
        assertThat(leak.maskedExcerpt()).isNull();
        assertThat(new String(buffer, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("hdr|");
        for (int i = 4; i < buffer.length; i++) {
            assertThat(buffer[i]).as("byte %d erased", i).isZero();
        }
    }

    @Test
    void maskedExcerptShowsOnlyTheShape() {
        byte[] buffer = MEMORY.getBytes(StandardCharsets.US_ASCII);

        HeartbeatLeak leak = HeartbeatLeak.measureAndErase(buffer, 4, buffer.length - 4, true);

        assertThat(leak.maskedExcerpt()).isEqualTo("aaaaaaa.aaaa.a..aaaaaaaa.aaa.9999.99.99.");
    }

    @Test
    void clientHelloOffersHeartbeatsAndTheVersionAsked() {
        byte[] record = ClientHelloEncoder.record(TlsVersion.TLS_1_1, "frontend.example");

        assertThat(record[0]).isEqualTo((byte) TlsRecord.HANDSHAKE);
        assertThat(record[5]).as("client_hello").isEqualTo((byte) 1);
        assertThat(record[9] << 8 | record[10]).isEqualTo(TlsVersion.TLS_1_1.wire());
        String text = new String(record, StandardCharsets.ISO_8859_1);
        assertThat(text).contains("frontend.example").contains("\u0000\u000f\u0000\u0001\u0001");
    }
}

package dev.vetbench.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Hostile input for the hand-written record and hello parsers: they refuse or accept, never crash or over-read. */
class RecordReaderProperties {

    @Property(tries = 500)
    void anyBytesEitherParseAsBoundedRecordsOrFailAsProtocolErrors(@ForAll @Size(max = 300) byte[] bytes) {
        RecordReader reader = new RecordReader(new ByteArrayInputStream(bytes));
        int consumed = 0;
        try {
            for (TlsRecord record = reader.next(); record != null; record = reader.next()) {
                assertThat(record.fragment().length).isLessThanOrEqualTo(RecordReader.MAX_RECORD_LENGTH);
                assertThat(record.contentType()).isBetween(TlsRecord.CHANGE_CIPHER_SPEC, TlsRecord.HEARTBEAT);
                consumed += 5 + record.fragment().length;
            }
            assertThat(consumed).isEqualTo(bytes.length);
        } catch (ProbeException e) {
            assertThat(e.kind()).isEqualTo(ProbeException.Kind.PROTOCOL_ERROR);
            assertThat(e.getMessage()).isNotBlank();
        } catch (IOException e) {
            throw new AssertionError("only ProbeException may escape the reader", e);
        }
    }

    @Property(tries = 300)
    void wellFormedRecordsRoundTrip(@ForAll @IntRange(min = 20, max = 24) int type,
            @ForAll @IntRange(min = 0, max = 3) int minor, @ForAll @Size(max = 2000) byte[] body) throws IOException {
        int version = 0x0300 | minor;
        byte[] wire = TlsRecord.encode(type, version, body);

        TlsRecord record = new RecordReader(new ByteArrayInputStream(wire)).next();

        assertThat(record.contentType()).isEqualTo(type);
        assertThat(record.version()).isEqualTo(version);
        assertThat(record.fragment()).isEqualTo(body);
    }

    @Property(tries = 200)
    void truncatedRecordsAreProtocolErrors(@ForAll("records") byte[] wire, @ForAll @IntRange(min = 1) int cut) {
        int keep = 1 + Math.floorMod(cut, wire.length - 1);
        byte[] truncated = java.util.Arrays.copyOf(wire, keep);

        assertThatCode(() -> new RecordReader(new ByteArrayInputStream(truncated)).next())
            .isInstanceOf(ProbeException.class).hasMessageContaining("ended inside");
    }

    @Property(tries = 200)
    void announcedLengthsBeyondTheTlsLimitAreRefusedBeforeAllocating(
            @ForAll @IntRange(min = RecordReader.MAX_RECORD_LENGTH + 1, max = 65_535) int length) {
        byte[] header = {22, 3, 3, (byte) (length >> 8), (byte) length};

        assertThatCode(() -> new RecordReader(new ByteArrayInputStream(header)).next())
            .isInstanceOf(ProbeException.class).hasMessageContaining("more than the");
    }

    @Property(tries = 500)
    void anyServerHelloBodyParsesOrIsRefused(@ForAll @Size(max = 200) byte[] body) {
        try {
            ServerHello hello = ServerHello.parse(body);
            assertThat(hello.version()).isBetween(0, 0xffff);
        } catch (ProbeException e) {
            assertThat(e.getMessage()).contains("truncated ServerHello");
        }
    }

    @Provide
    Arbitrary<byte[]> records() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(500)
            .map(body -> TlsRecord.encode(TlsRecord.HANDSHAKE, 0x0303, body));
    }
}

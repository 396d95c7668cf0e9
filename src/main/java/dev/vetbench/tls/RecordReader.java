package dev.vetbench.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads TLS records from a stream and refuses anything a TLS peer would not send: unknown content types, versions
 * other than 3.x, lengths beyond 2^14 + 2048 (RFC 5246 section 6.2.3, the largest ciphertext allowed) and records
 * cut short by the end of the stream. Never allocates more than one maximal record.
 */
public final class RecordReader {

    /** RFC 5246 section 6.2.3: TLSCiphertext.length must not exceed 2^14 + 2048. */
    public static final int MAX_RECORD_LENGTH = (1 << 14) + 2048;

    private final InputStream input;
    private boolean first = true;

    public RecordReader(InputStream input) {
        this.input = input;
    }

    /**
     * The next record, or {@code null} when the stream ends cleanly between records.
     *
     * @throws ProbeException with kind PROTOCOL_ERROR for anything that is not a well-formed record
     * @throws IOException when reading fails (timeouts are passed on as {@link java.net.SocketTimeoutException})
     */
    public TlsRecord next() throws IOException {
        byte[] header = new byte[5];
        int got = readFully(header, 0, 5);
        if (got == 0) {
            return null;
        }
        if (got < 5) {
            throw malformed("The connection ended inside a record header (" + got + " of 5 bytes).");
        }
        checkHeader(header);
        first = false;
        int length = ((header[3] & 0xff) << 8) | (header[4] & 0xff);
        byte[] fragment = new byte[length];
        int body = readFully(fragment, 0, length);
        if (body < length) {
            throw malformed("The connection ended inside a record (" + body + " of " + length + " bytes).");
        }
        return new TlsRecord(header[0] & 0xff, ((header[1] & 0xff) << 8) | (header[2] & 0xff), fragment);
    }

    private void checkHeader(byte[] header) throws ProbeException {
        int type = header[0] & 0xff;
        if (first && looksLikeText(header)) {
            String start = new String(header, StandardCharsets.US_ASCII).replaceAll("[^\\x20-\\x7e]", "?");
            throw malformed("The server answered in plain text (\"" + start + "...\"), not TLS; is this an "
                + "HTTP port, or does it need --starttls?");
        }
        if (type < TlsRecord.CHANGE_CIPHER_SPEC || type > TlsRecord.HEARTBEAT) {
            throw malformed(String.format("The server sent a record of unknown type %d; it does not speak TLS "
                + "here.", type));
        }
        if (header[1] != 3 || (header[2] & 0xff) > 4) {
            throw malformed(String.format("The server sent a record with version 0x%02x%02x; it does not speak "
                + "TLS here.", header[1] & 0xff, header[2] & 0xff));
        }
        int length = ((header[3] & 0xff) << 8) | (header[4] & 0xff);
        if (length > MAX_RECORD_LENGTH) {
            throw malformed("The server announced a record of " + length + " bytes, more than the "
                + MAX_RECORD_LENGTH + " TLS allows.");
        }
    }

    private static boolean looksLikeText(byte[] header) {
        for (byte b : header) {
            if (b < 0x09 || b > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private int readFully(byte[] buffer, int offset, int length) throws IOException {
        int total = 0;
        while (total < length) {
            int n = input.read(buffer, offset + total, length - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private static ProbeException malformed(String message) {
        return new ProbeException(ProbeException.Kind.PROTOCOL_ERROR, message);
    }
}

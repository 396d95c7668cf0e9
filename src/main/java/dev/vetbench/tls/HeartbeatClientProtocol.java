package dev.vetbench.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.crypto.TlsDecodeResult;

/**
 * BouncyCastle's blocking TLS client, opened up just enough to send a malformed heartbeat after the handshake and
 * read the encrypted reply.
 *
 * <p>Decision: BouncyCastle completes the real handshake (key exchange, certificates, Finished) for every cipher
 * suite it knows; sending the heartbeat uses the protected {@code safeWriteRecord}, so BouncyCastle encrypts it with
 * the session keys. Reading is the hard part: BouncyCastle's record layer rejects incoming heartbeat records
 * (content type 24) with unexpected_message before decrypting them. So after the handshake the probe reads raw
 * records with its own bounded {@link RecordReader} and decrypts each through the record layer's package-private
 * {@code decodeAndVerify}, which keeps the sequence numbers right.
 */
final class HeartbeatClientProtocol extends TlsClientProtocol {

    // Limitation: reaches into BouncyCastle internals (TlsProtocol.recordStream, RecordStream.decodeAndVerify) by
    // reflection; checked against bctls 1.83. When they change, post-handshake probes end in ERROR, never PASS.
    private static final Field RECORD_STREAM;
    private static final Method DECODE_AND_VERIFY;

    static {
        Field field = null;
        Method method = null;
        try {
            field = org.bouncycastle.tls.TlsProtocol.class.getDeclaredField("recordStream");
            field.setAccessible(true);
            method = field.getType().getDeclaredMethod("decodeAndVerify", short.class, ProtocolVersion.class,
                byte[].class, int.class, int.class);
            method.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            field = null;
            method = null;
        }
        RECORD_STREAM = field;
        DECODE_AND_VERIFY = method;
    }

    HeartbeatClientProtocol(InputStream input, OutputStream output) {
        super(input, output);
    }

    /** Whether this BouncyCastle build lets the probe decrypt records itself. */
    static boolean canDecrypt() {
        return DECODE_AND_VERIFY != null;
    }

    /** Encrypts and sends {@code message} as a heartbeat record (RFC 6520 section 3, content type 24). */
    void sendHeartbeat(byte[] message) throws IOException {
        safeWriteRecord((short) TlsRecord.HEARTBEAT, message, 0, message.length);
    }

    /** Decrypts and authenticates one record read off the wire after the handshake. */
    TlsRecord decrypt(TlsRecord raw) throws IOException {
        if (!canDecrypt()) {
            throw new ProbeException(ProbeException.Kind.PROTOCOL_ERROR, "This BouncyCastle version does not let "
                + "Vetbench read encrypted heartbeat replies.");
        }
        ProtocolVersion version = ProtocolVersion.get(raw.version() >> 8, raw.version() & 0xff);
        try {
            Object recordStream = RECORD_STREAM.get(this);
            TlsDecodeResult decoded = (TlsDecodeResult) DECODE_AND_VERIFY.invoke(recordStream,
                (short) raw.contentType(), version, raw.fragment(), 0, raw.fragment().length);
            byte[] plain = Arrays.copyOfRange(decoded.buf, decoded.off, decoded.off + decoded.len);
            Arrays.fill(decoded.buf, decoded.off, decoded.off + decoded.len, (byte) 0);
            return new TlsRecord(decoded.contentType, raw.version(), plain);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IOException io) {
                throw new ProbeException(ProbeException.Kind.PROTOCOL_ERROR, "A record from the server after the "
                    + "handshake did not decrypt (" + io.getClass().getSimpleName() + ").", io);
            }
            throw new IllegalStateException("BouncyCastle failed to decrypt a record", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("BouncyCastle's record layer is not accessible", e);
        } finally {
            Arrays.fill(raw.fragment(), (byte) 0);
        }
    }
}

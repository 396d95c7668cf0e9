package dev.vetbench.tls;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a ServerHello says (RFC 5246 section 7.4.1.3).
 *
 * @param version the version the server chose
 * @param cipherSuite the suite the server chose
 * @param extensions extension type to extension data
 */
public record ServerHello(int version, int cipherSuite, Map<Integer, byte[]> extensions) {

    public ServerHello {
        extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /** Whether the server answered the heartbeat extension, i.e. heartbeats are negotiated (RFC 6520 section 2). */
    public boolean heartbeatNegotiated() {
        return extensions.containsKey(ClientHelloEncoder.EXT_HEARTBEAT);
    }

    /** The server's HeartbeatMode: 1 peer_allowed_to_send, 2 peer_not_allowed_to_send; -1 when absent. */
    public int heartbeatMode() {
        byte[] data = extensions.get(ClientHelloEncoder.EXT_HEARTBEAT);
        return data == null || data.length != 1 ? -1 : data[0] & 0xff;
    }

    /** Parses a ServerHello body, refusing anything truncated or inconsistent. */
    public static ServerHello parse(byte[] body) throws ProbeException {
        Cursor cursor = new Cursor(body);
        int version = cursor.u16();
        cursor.skip(32); // random
        cursor.skip(cursor.u8()); // session id
        int suite = cursor.u16();
        cursor.u8(); // compression method
        Map<Integer, byte[]> extensions = new LinkedHashMap<>();
        if (cursor.remaining() > 0) {
            Cursor block = new Cursor(cursor.bytes(cursor.u16()));
            while (block.remaining() > 0) {
                int type = block.u16();
                extensions.put(type, block.bytes(block.u16()));
            }
        }
        return new ServerHello(version, suite, extensions);
    }

    /** A bounds-checked reader over one handshake message. */
    static final class Cursor {
        private final byte[] data;
        private int position;

        Cursor(byte[] data) {
            this.data = data;
        }

        int remaining() {
            return data.length - position;
        }

        int u8() throws ProbeException {
            need(1);
            return data[position++] & 0xff;
        }

        int u16() throws ProbeException {
            return (u8() << 8) | u8();
        }

        void skip(int length) throws ProbeException {
            need(length);
            position += length;
        }

        byte[] bytes(int length) throws ProbeException {
            need(length);
            byte[] copy = new byte[length];
            System.arraycopy(data, position, copy, 0, length);
            position += length;
            return copy;
        }

        private void need(int length) throws ProbeException {
            if (length > remaining()) {
                throw new ProbeException(ProbeException.Kind.PROTOCOL_ERROR,
                    "The server sent a truncated ServerHello.");
            }
        }
    }
}

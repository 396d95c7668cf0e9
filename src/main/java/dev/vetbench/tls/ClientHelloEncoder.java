package dev.vetbench.tls;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a TLS 1.0, 1.1 or 1.2 ClientHello by hand (RFC 5246 section 7.4.1.2) that offers the heartbeat extension
 * (RFC 6520 section 2) and a broad cipher list, so that the server negotiates heartbeats if it can.
 */
public final class ClientHelloEncoder {

    private static final int EXT_SERVER_NAME = 0;
    private static final int EXT_SUPPORTED_GROUPS = 10;
    private static final int EXT_EC_POINT_FORMATS = 11;
    private static final int EXT_SIGNATURE_ALGORITHMS = 13;
    /** RFC 6520 section 2. */
    public static final int EXT_HEARTBEAT = 15;
    /** RFC 6520 section 2: HeartbeatMode peer_allowed_to_send. */
    public static final int PEER_ALLOWED_TO_SEND = 1;

    /** x25519, secp256r1, secp384r1, secp521r1 (RFC 8422, RFC 7748). */
    private static final int[] GROUPS = {29, 23, 24, 25};
    /** RSA PKCS#1, ECDSA and RSA-PSS with SHA-256/384/512, then the SHA-1 ones older servers need. */
    private static final int[] SIGNATURE_SCHEMES = {
        0x0403, 0x0503, 0x0603, 0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601, 0x0203, 0x0201, 0x0202,
    };

    private ClientHelloEncoder() {
    }

    /** The complete handshake record carrying the ClientHello; the record layer says TLS 1.0 for compatibility. */
    public static byte[] record(TlsVersion version, String serverName) {
        if (version == TlsVersion.TLS_1_3) {
            throw new IllegalArgumentException("the hand-written ClientHello covers TLS 1.0 to 1.2");
        }
        byte[] body = body(version, serverName);
        byte[] handshake = new byte[4 + body.length];
        handshake[0] = 1; // client_hello
        handshake[1] = (byte) (body.length >> 16);
        handshake[2] = (byte) (body.length >> 8);
        handshake[3] = (byte) body.length;
        System.arraycopy(body, 0, handshake, 4, body.length);
        return TlsRecord.encode(TlsRecord.HANDSHAKE, TlsVersion.TLS_1_0.wire(), handshake);
    }

    private static byte[] body(TlsVersion version, String serverName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        u16(out, version.wire());
        byte[] random = new byte[32];
        // The probe never completes this handshake or derives keys from it, so the random need not be secret;
        // a non-blocking generator keeps a cold start quick.
        ThreadLocalRandom.current().nextBytes(random);
        out.writeBytes(random);
        out.write(0); // no session id: a full handshake, so the server sends ServerHelloDone

        List<Integer> suites = CipherSuites.legacy();
        u16(out, 2 * (suites.size() + 1));
        suites.forEach(suite -> u16(out, suite));
        u16(out, CipherSuites.TLS_EMPTY_RENEGOTIATION_INFO_SCSV);
        out.write(1);
        out.write(0); // null compression only

        byte[] extensions = extensions(serverName);
        u16(out, extensions.length);
        out.writeBytes(extensions);
        return out.toByteArray();
    }

    private static byte[] extensions(String serverName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (isHostName(serverName)) {
            byte[] name = serverName.getBytes(StandardCharsets.US_ASCII);
            ByteArrayOutputStream sni = new ByteArrayOutputStream();
            u16(sni, name.length + 3);
            sni.write(0); // host_name
            u16(sni, name.length);
            sni.writeBytes(name);
            extension(out, EXT_SERVER_NAME, sni.toByteArray());
        }
        extension(out, EXT_SUPPORTED_GROUPS, list16(GROUPS));
        extension(out, EXT_EC_POINT_FORMATS, new byte[] {1, 0}); // uncompressed
        extension(out, EXT_SIGNATURE_ALGORITHMS, list16(SIGNATURE_SCHEMES));
        extension(out, EXT_HEARTBEAT, new byte[] {PEER_ALLOWED_TO_SEND});
        return out.toByteArray();
    }

    private static boolean isHostName(String host) {
        // RFC 6066 section 3: literal IPv4 and IPv6 addresses are not permitted in server_name.
        return host != null && !host.isEmpty() && !host.contains(":") && !host.matches("[0-9.]+");
    }

    private static byte[] list16(int[] values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        u16(out, values.length * 2);
        for (int value : values) {
            u16(out, value);
        }
        return out.toByteArray();
    }

    private static void extension(ByteArrayOutputStream out, int type, byte[] data) {
        u16(out, type);
        u16(out, data.length);
        out.writeBytes(data);
    }

    private static void u16(ByteArrayOutputStream out, int value) {
        out.write(value >> 8);
        out.write(value);
    }
}

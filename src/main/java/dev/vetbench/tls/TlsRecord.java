package dev.vetbench.tls;

/**
 * One TLS record as it came off the wire (RFC 5246 section 6.2.1).
 *
 * @param contentType 20 change_cipher_spec, 21 alert, 22 handshake, 23 application_data, 24 heartbeat
 * @param version the record-layer version
 * @param fragment the record body, encrypted or not
 */
public record TlsRecord(int contentType, int version, byte[] fragment) {

    public static final int CHANGE_CIPHER_SPEC = 20;
    public static final int ALERT = 21;
    public static final int HANDSHAKE = 22;
    public static final int APPLICATION_DATA = 23;
    /** RFC 6520 section 3. */
    public static final int HEARTBEAT = 24;

    /** The bytes of a record with this type, version and body. */
    public static byte[] encode(int contentType, int version, byte[] body) {
        byte[] record = new byte[5 + body.length];
        record[0] = (byte) contentType;
        record[1] = (byte) (version >> 8);
        record[2] = (byte) version;
        record[3] = (byte) (body.length >> 8);
        record[4] = (byte) body.length;
        System.arraycopy(body, 0, record, 5, body.length);
        return record;
    }
}

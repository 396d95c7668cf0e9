package dev.vetbench.tls;

import java.time.Duration;
import java.util.List;

/**
 * What one heartbeat probe saw.
 *
 * @param phase when the malformed heartbeat was sent
 * @param offeredVersion the highest version the ClientHello offered
 * @param negotiatedVersion the version the server chose (wire value), or -1 when the handshake did not get that far
 * @param cipherSuite the suite the server chose, or -1
 * @param heartbeatNegotiated whether the server answered the heartbeat extension
 * @param outcome how the server reacted
 * @param alert the alert the server sent, e.g. {@code unexpected_message(10)}; null when none
 * @param heartbeatBytesSent the length of the heartbeat message sent (type, claimed length, payload)
 * @param claimedPayloadLength the payload length the message claimed
 * @param heartbeatBytesReturned the length of the heartbeat message(s) that came back
 * @param leak what came back beyond what was sent; null unless the outcome is {@link Outcome#LEAKED}
 * @param connectTime TCP connect (and STARTTLS preamble)
 * @param handshakeTime from the ClientHello to the point the heartbeat was sent
 * @param replyTime from sending the heartbeat to the server's reaction
 * @param transcript what was sent and what came back, one line per step, without leaked bytes
 */
public record HeartbeatProbeResult(
        Phase phase,
        TlsVersion offeredVersion,
        int negotiatedVersion,
        int cipherSuite,
        boolean heartbeatNegotiated,
        Outcome outcome,
        String alert,
        int heartbeatBytesSent,
        int claimedPayloadLength,
        int heartbeatBytesReturned,
        HeartbeatLeak leak,
        Duration connectTime,
        Duration handshakeTime,
        Duration replyTime,
        List<String> transcript) {

    public HeartbeatProbeResult {
        transcript = List.copyOf(transcript);
    }

    /** When the heartbeat was sent. */
    public enum Phase {
        /** After ServerHelloDone, before the client's key exchange, unencrypted (as nmap and testssl.sh do). */
        BEFORE_HANDSHAKE_COMPLETES("before the handshake completes"),
        /** Encrypted, after both Finished messages. */
        AFTER_HANDSHAKE("after the handshake");

        private final String words;

        Phase(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** How the server reacted. */
    public enum Outcome {
        /** The reply carried more than was sent: the server returned its memory. */
        LEAKED,
        /** A heartbeat reply came back, no longer than what was sent. */
        ANSWERED_WITHIN_BOUNDS,
        /** The server answered the heartbeat with an alert. */
        ALERT,
        /** The server closed the connection after the heartbeat. */
        CLOSED,
        /** No answer within the reply wait: the server ignored the heartbeat (RFC 6520 section 4 says discard). */
        IGNORED,
        /** The server refused the handshake before the heartbeat could be sent (e.g. version not supported). */
        HANDSHAKE_REFUSED
    }
}

package dev.vetbench.tls;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Waits for the server's reaction to a malformed heartbeat and measures what came back, in either phase. The
 * records come from a {@link Source}: straight off the wire before the handshake completes, decrypted after it.
 */
final class HeartbeatReplyReader {

    /** A reply longer than this is not read further: it is a leak already and the rest adds nothing. */
    private static final int MAX_COLLECTED = 3 + 65_535 + 16;

    /** Where the next record comes from; returns null at the end of the stream. */
    @FunctionalInterface
    interface Source {
        TlsRecord next() throws IOException;
    }

    /**
     * How the server reacted.
     *
     * @param outcome the reaction
     * @param alert the alert sent, or null
     * @param bytesReturned the heartbeat message bytes that came back
     * @param leak what came back beyond what was sent, or null
     * @param replyTime from the call to the reaction
     */
    record Reaction(HeartbeatProbeResult.Outcome outcome, String alert, int bytesReturned, HeartbeatLeak leak,
            Duration replyTime) {
    }

    private HeartbeatReplyReader() {
    }

    /** Reads until a heartbeat reply, an alert, the end of the stream, or {@code replyWait} of silence. */
    static Reaction await(Source source, BoundedConnection connection, Duration replyWait, int sentPayload,
            boolean maskedExcerpt) throws ProbeException {
        Instant start = Instant.now();
        byte[] collected = new byte[0];
        try {
            connection.readTimeout(replyWait);
            while (true) {
                TlsRecord record;
                try {
                    record = source.next();
                } catch (SocketTimeoutException e) {
                    return ended(collected, HeartbeatProbeResult.Outcome.IGNORED, sentPayload, maskedExcerpt, start);
                }
                if (record == null) {
                    return ended(collected, HeartbeatProbeResult.Outcome.CLOSED, sentPayload, maskedExcerpt, start);
                }
                if (record.contentType() == TlsRecord.HEARTBEAT) {
                    collected = append(collected, record.fragment());
                    if (complete(collected)) {
                        return measured(collected, sentPayload, maskedExcerpt, start);
                    }
                } else if (record.contentType() == TlsRecord.ALERT && collected.length == 0) {
                    String alert = alertOf(record);
                    return new Reaction(HeartbeatProbeResult.Outcome.ALERT, alert, 0, null, since(start));
                }
                Arrays.fill(record.fragment(), (byte) 0);
            }
        } catch (IOException e) {
            ProbeException explained = connection.explain(e, "while waiting for the heartbeat reply");
            if (explained.kind() != ProbeException.Kind.CONNECTION_RESET) {
                Arrays.fill(collected, (byte) 0);
                throw explained;
            }
            return ended(collected, HeartbeatProbeResult.Outcome.CLOSED, sentPayload, maskedExcerpt, start);
        }
    }

    private static Reaction ended(byte[] collected, HeartbeatProbeResult.Outcome ifNothing, int sentPayload,
            boolean maskedExcerpt, Instant start) {
        if (collected.length == 0) {
            return new Reaction(ifNothing, null, 0, null, since(start));
        }
        return measured(collected, sentPayload, maskedExcerpt, start);
    }

    private static Reaction measured(byte[] message, int sentPayload, boolean maskedExcerpt, Instant start) {
        try {
            if (message.length < 3) {
                return new Reaction(HeartbeatProbeResult.Outcome.ANSWERED_WITHIN_BOUNDS, null, message.length, null,
                    since(start));
            }
            // RFC 6520 section 4: type(1) payload_length(2) payload padding; only payload bytes count as returned.
            int declared = ((message[1] & 0xff) << 8) | (message[2] & 0xff);
            int returnedPayload = Math.min(declared, message.length - 3);
            if (returnedPayload <= sentPayload) {
                return new Reaction(HeartbeatProbeResult.Outcome.ANSWERED_WITHIN_BOUNDS, null, message.length, null,
                    since(start));
            }
            HeartbeatLeak leak = HeartbeatLeak.measureAndErase(message, 3 + sentPayload, returnedPayload
                - sentPayload, maskedExcerpt);
            return new Reaction(HeartbeatProbeResult.Outcome.LEAKED, null, message.length, leak, since(start));
        } finally {
            Arrays.fill(message, (byte) 0);
        }
    }

    private static boolean complete(byte[] collected) {
        if (collected.length >= MAX_COLLECTED) {
            return true;
        }
        if (collected.length < 3) {
            return false;
        }
        int declared = ((collected[1] & 0xff) << 8) | (collected[2] & 0xff);
        return collected.length >= 3 + declared;
    }

    private static byte[] append(byte[] collected, byte[] fragment) {
        int room = Math.min(fragment.length, MAX_COLLECTED - collected.length);
        byte[] grown = Arrays.copyOf(collected, collected.length + room);
        System.arraycopy(fragment, 0, grown, collected.length, room);
        Arrays.fill(collected, (byte) 0);
        Arrays.fill(fragment, (byte) 0);
        return grown;
    }

    static String alertOf(TlsRecord record) {
        byte[] fragment = record.fragment();
        return fragment.length >= 2 ? Alerts.describe(fragment[1] & 0xff) : "malformed alert";
    }

    private static Duration since(Instant start) {
        return Duration.between(start, Instant.now());
    }
}

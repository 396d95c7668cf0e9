package dev.vetbench.tls;

import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;

/**
 * Sends the malformed heartbeat of {@link HeartbeatProbe} after a completed handshake, encrypted, for servers that
 * refuse heartbeats before the handshake completes. See {@link HeartbeatClientProtocol} for how.
 */
public final class PostHandshakeHeartbeatProbe {

    /** Heartbeat is not defined for TLS 1.3 (RFC 8446 lists no heartbeat content type), so offer up to 1.2. */
    private static final List<TlsVersion> VERSIONS = List.of(TlsVersion.TLS_1_2, TlsVersion.TLS_1_1,
        TlsVersion.TLS_1_0);

    private final Duration replyWait;
    private final boolean maskedExcerpt;

    /** See {@link HeartbeatProbe#HeartbeatProbe(Duration, boolean)}. */
    public PostHandshakeHeartbeatProbe(Duration replyWait, boolean maskedExcerpt) {
        this.replyWait = replyWait;
        this.maskedExcerpt = maskedExcerpt;
    }

    /** Completes a handshake offering heartbeats, sends the malformed heartbeat and measures the reply. */
    public HeartbeatProbeResult afterHandshake(TlsEndpoint endpoint, ProbeLimits limits) throws ProbeException {
        Instant start = Instant.now();
        try (BoundedConnection connection = BoundedConnection.open(endpoint, limits)) {
            Duration connectTime = Duration.between(start, Instant.now());
            List<String> transcript = new ArrayList<>();
            ProbeTlsClient client = new ProbeTlsClient(VERSIONS, false, true);
            HeartbeatClientProtocol protocol = new HeartbeatClientProtocol(connection.input(), connection.output());

            Instant handshakeStart = Instant.now();
            String refusal = handshake(protocol, client, connection);
            Duration handshakeTime = Duration.between(handshakeStart, Instant.now());
            if (refusal != null) {
                transcript.add("server refused the handshake: " + refusal);
                return result(client, HeartbeatProbeResult.Outcome.HANDSHAKE_REFUSED, refusal, 0, null, connectTime,
                    handshakeTime, Duration.ZERO, transcript);
            }
            transcript.add("completed handshake " + TlsVersion.describe(client.serverVersion()) + ", "
                + CipherSuites.describe(client.selectedSuite()) + ", heartbeat "
                + (client.heartbeatNegotiated() ? "negotiated" : "not negotiated"));
            return probe(connection, protocol, client, connectTime, handshakeTime, transcript);
        }
    }

    private HeartbeatProbeResult probe(BoundedConnection connection, HeartbeatClientProtocol protocol,
            ProbeTlsClient client, Duration connectTime, Duration handshakeTime, List<String> transcript)
            throws ProbeException {
        try {
            protocol.sendHeartbeat(HeartbeatProbe.malformedRequest());
            transcript.add("sent heartbeat_request, encrypted, claiming " + HeartbeatProbe.CLAIMED_PAYLOAD_LENGTH
                + " payload bytes, sending " + HeartbeatProbe.SENT_PAYLOAD_LENGTH);
            RecordReader reader = new RecordReader(connection.input());
            HeartbeatReplyReader.Reaction reaction = HeartbeatReplyReader.await(() -> {
                TlsRecord raw = reader.next();
                return raw == null ? null : protocol.decrypt(raw);
            }, connection, replyWait, HeartbeatProbe.SENT_PAYLOAD_LENGTH, maskedExcerpt);
            transcript.add(HeartbeatProbe.describe(reaction));
            return result(client, reaction.outcome(), reaction.alert(), reaction.bytesReturned(), reaction.leak(),
                connectTime, handshakeTime, reaction.replyTime(), transcript);
        } catch (IOException e) {
            throw connection.explain(e, "while sending the heartbeat after the handshake");
        }
    }

    /** Runs the handshake; returns null when it completed, else why the server refused it. */
    private static String handshake(HeartbeatClientProtocol protocol, ProbeTlsClient client,
            BoundedConnection connection) throws ProbeException {
        try {
            protocol.connect(client);
            return null;
        } catch (TlsFatalAlertReceived e) {
            return "alert " + Alerts.describe(e.getAlertDescription());
        } catch (TlsFatalAlert e) {
            return "the client stopped the handshake: " + e.getMessage();
        } catch (EOFException e) {
            return "connection closed";
        } catch (IOException e) {
            ProbeException explained = connection.explain(e, "during the handshake");
            if (explained.kind() == ProbeException.Kind.CONNECTION_RESET) {
                return "connection reset";
            }
            throw explained;
        }
    }

    private static HeartbeatProbeResult result(ProbeTlsClient client, HeartbeatProbeResult.Outcome outcome,
            String alertOrRefusal, int bytesReturned, HeartbeatLeak leak, Duration connectTime,
            Duration handshakeTime, Duration replyTime, List<String> transcript) {
        String alert = alertOrRefusal != null && alertOrRefusal.startsWith("alert ") ? alertOrRefusal.substring(6)
            : outcome == HeartbeatProbeResult.Outcome.ALERT ? alertOrRefusal : null;
        int sent = outcome == HeartbeatProbeResult.Outcome.HANDSHAKE_REFUSED ? 0
            : HeartbeatProbe.malformedRequest().length;
        return new HeartbeatProbeResult(HeartbeatProbeResult.Phase.AFTER_HANDSHAKE, TlsVersion.TLS_1_2,
            client.serverVersion(), client.selectedSuite(), client.heartbeatNegotiated(), outcome, alert, sent,
            HeartbeatProbe.CLAIMED_PAYLOAD_LENGTH, bytesReturned, leak, connectTime, handshakeTime, replyTime,
            transcript);
    }
}

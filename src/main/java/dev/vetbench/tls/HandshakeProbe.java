package dev.vetbench.tls;

import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;

/** Full handshakes with BouncyCastle's TLS client, for the downgrade-protection check (RFC 7507). */
public final class HandshakeProbe {

    private HandshakeProbe() {
    }

    /**
     * Attempts one handshake offering exactly {@code versions}, with TLS_FALLBACK_SCSV when {@code fallback}.
     *
     * @throws ProbeException when the probe itself could not run: nothing listens, timeout, cancellation, STARTTLS
     *     refused
     */
    public static HandshakeOutcome handshake(TlsEndpoint endpoint, List<TlsVersion> versions, boolean fallback,
            ProbeLimits limits) throws ProbeException {
        Instant start = Instant.now();
        ProbeTlsClient client = new ProbeTlsClient(versions, fallback, false);
        try (BoundedConnection connection = BoundedConnection.open(endpoint, limits)) {
            TlsClientProtocol protocol = new TlsClientProtocol(connection.input(), connection.output());
            try {
                protocol.connect(client);
                HandshakeOutcome outcome = outcome(HandshakeOutcome.Status.COMPLETED, client, versions, fallback,
                    -1, "the handshake completed", start);
                closeQuietly(protocol);
                return outcome;
            } catch (TlsFatalAlertReceived e) {
                int code = e.getAlertDescription();
                return outcome(HandshakeOutcome.Status.ALERT_RECEIVED, client, versions, fallback, code,
                    "the server sent alert " + Alerts.describe(code), start);
            } catch (TlsFatalAlert e) {
                return outcome(HandshakeOutcome.Status.CLIENT_REFUSED, client, versions, fallback, -1,
                    "the client stopped the handshake: " + e.getMessage(), start);
            } catch (EOFException e) {
                return outcome(HandshakeOutcome.Status.CLOSED, client, versions, fallback, -1,
                    "the server closed the connection without an alert", start);
            } catch (IOException e) {
                ProbeException explained = connection.explain(e, "during the handshake");
                if (explained.kind() != ProbeException.Kind.CONNECTION_RESET) {
                    throw explained;
                }
                return outcome(HandshakeOutcome.Status.CLOSED, client, versions, fallback, -1,
                    "the server reset the connection", start);
            }
        }
    }

    private static HandshakeOutcome outcome(HandshakeOutcome.Status status, ProbeTlsClient client,
            List<TlsVersion> versions, boolean fallback, int alertCode, String detail, Instant start) {
        String alert = alertCode < 0 ? null : Alerts.describe(alertCode);
        return new HandshakeOutcome(status, versions, fallback, client.serverVersion(), client.selectedSuite(),
            alert, alertCode, detail, Duration.between(start, Instant.now()));
    }

    static void closeQuietly(TlsClientProtocol protocol) {
        try {
            protocol.close();
        } catch (IOException ignored) {
            // The answer is known; a failing close_notify changes nothing.
        }
    }
}

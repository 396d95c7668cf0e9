package dev.vetbench.tls;

import java.time.Duration;
import java.util.List;

/**
 * How one full handshake attempt ended.
 *
 * @param status how it ended
 * @param offered the versions the client offered
 * @param fallbackScsv whether the ClientHello carried TLS_FALLBACK_SCSV
 * @param version the version the server chose (wire value), or -1
 * @param cipherSuite the suite the server chose, or -1
 * @param alert the alert the server sent, e.g. {@code inappropriate_fallback(86)}, or null
 * @param alertCode the alert description code the server sent, or -1
 * @param detail one sentence on what happened
 * @param duration from connecting to the end of the attempt
 */
public record HandshakeOutcome(
        Status status,
        List<TlsVersion> offered,
        boolean fallbackScsv,
        int version,
        int cipherSuite,
        String alert,
        int alertCode,
        String detail,
        Duration duration) {

    public HandshakeOutcome {
        offered = List.copyOf(offered);
    }

    /** How a handshake attempt ended. */
    public enum Status {
        /** Both Finished messages were exchanged. */
        COMPLETED,
        /** The server sent a fatal alert. */
        ALERT_RECEIVED,
        /** The server closed or reset the connection without an alert. */
        CLOSED,
        /** The client gave up: the server chose something the client cannot accept (e.g. an unoffered version). */
        CLIENT_REFUSED
    }

    /** The negotiated version, when the handshake completed. */
    public TlsVersion negotiated() {
        return TlsVersion.fromWire(version).orElseThrow();
    }

    /** E.g. "TLSv1.1 with TLS_FALLBACK_SCSV", for transcripts. */
    public String offeredDescription() {
        String highest = offered.stream().max(Enum::compareTo).map(TlsVersion::label).orElse("nothing");
        return "highest " + highest + (fallbackScsv ? " with TLS_FALLBACK_SCSV" : "");
    }
}

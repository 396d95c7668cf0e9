package dev.vetbench.tls;

import java.io.IOException;

/** A probe could not reach a conclusion; {@link #kind()} says why, the message says it for people. */
public final class ProbeException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Why a probe stopped. */
    public enum Kind {
        /** Nothing listens on the port. */
        CONNECTION_REFUSED,
        /** The host name does not resolve or the network cannot reach it. */
        UNREACHABLE,
        /** The peer reset or dropped the connection where a TLS peer would not. */
        CONNECTION_RESET,
        /** A read, the connection or the whole probe took longer than its limit. */
        TIMEOUT,
        /** The caller cancelled. */
        CANCELLED,
        /** The peer does not speak TLS as expected (garbage, plain HTTP, absurd lengths, truncated records). */
        PROTOCOL_ERROR,
        /** The server refused to start TLS after the STARTTLS preamble (e.g. PostgreSQL answered 'N'). */
        STARTTLS_REFUSED
    }

    private final Kind kind;

    public ProbeException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ProbeException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}

package dev.vetbench.checks.proxy;

import java.time.Duration;

/** What came back when a request was sent to the target, with or without a PROXY header. */
public sealed interface RequestOutcome {

    /** How long the exchange took. */
    Duration elapsed();

    /** For evidence: one line. */
    String describe();

    /** Whether the server answered with an HTTP response. */
    default boolean served() {
        return this instanceof Served;
    }

    /**
     * The server answered.
     *
     * @param statusLine the response's first line, e.g. {@code HTTP/1.1 200 OK}
     */
    record Served(String statusLine, Duration elapsed) implements RequestOutcome {
        @Override
        public String describe() {
            return "served: \"" + statusLine + "\" in " + elapsed.toMillis() + " ms";
        }
    }

    /**
     * The server gave no HTTP response: it closed, reset, failed the TLS handshake or stayed silent.
     *
     * @param reason what happened, e.g. "connection closed before any response"
     * @param unreachable whether the connection could not even be opened (the check then cannot conclude)
     */
    record Rejected(String reason, boolean unreachable, Duration elapsed) implements RequestOutcome {
        @Override
        public String describe() {
            return "no response: " + reason + " after " + elapsed.toMillis() + " ms";
        }
    }
}

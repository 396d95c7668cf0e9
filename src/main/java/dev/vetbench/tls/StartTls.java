package dev.vetbench.tls;

/** What a client says before TLS starts on a port that does not open with TLS directly. */
// Limitation: PostgreSQL is the only STARTTLS-style preamble; SMTP, IMAP, LDAP and others are not spoken.
public enum StartTls {
    /** TLS from the first byte (HTTPS and most TLS front ends). */
    NONE,
    /**
     * PostgreSQL's SSLRequest: the 8 bytes {@code 00 00 00 08 04 d2 16 2f}, answered with {@code 'S'} when the
     * server will speak TLS (PostgreSQL protocol documentation, "SSL Session Encryption").
     */
    POSTGRES
}

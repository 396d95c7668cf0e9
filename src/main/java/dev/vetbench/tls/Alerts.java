package dev.vetbench.tls;

import java.util.Map;

/** Names of TLS alert descriptions (RFC 5246 section 7.2, RFC 7507, RFC 8446 section 6). */
public final class Alerts {

    /** RFC 7507 section 2: the server saw TLS_FALLBACK_SCSV from a client whose highest version is too low. */
    public static final int INAPPROPRIATE_FALLBACK = 86;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
        Map.entry(0, "close_notify"), Map.entry(10, "unexpected_message"), Map.entry(20, "bad_record_mac"),
        Map.entry(22, "record_overflow"), Map.entry(40, "handshake_failure"), Map.entry(42, "bad_certificate"),
        Map.entry(43, "unsupported_certificate"), Map.entry(46, "certificate_unknown"),
        Map.entry(47, "illegal_parameter"), Map.entry(48, "unknown_ca"), Map.entry(50, "decode_error"),
        Map.entry(51, "decrypt_error"), Map.entry(70, "protocol_version"), Map.entry(71, "insufficient_security"),
        Map.entry(80, "internal_error"), Map.entry(86, "inappropriate_fallback"), Map.entry(90, "user_canceled"),
        Map.entry(100, "no_renegotiation"), Map.entry(109, "missing_extension"),
        Map.entry(110, "unsupported_extension"), Map.entry(112, "unrecognized_name"),
        Map.entry(120, "no_application_protocol"));

    private Alerts() {
    }

    /** E.g. {@code inappropriate_fallback(86)}. */
    public static String describe(int description) {
        return NAMES.getOrDefault(description, "alert") + "(" + description + ")";
    }
}

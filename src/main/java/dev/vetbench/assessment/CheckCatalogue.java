package dev.vetbench.assessment;

import java.util.List;
import java.util.Optional;

/**
 * Titles, HIPAA Security Rule references and remediation advice for the four checks, shared by the report, the
 * command line and the window.
 */
public final class CheckCatalogue {

    public static final String HEARTBLEED = "heartbleed";
    public static final String FALLBACK_SCSV = "fallback-scsv";
    public static final String PROXY_PROTOCOL = "proxy-protocol";
    public static final String VOLUME_ENCRYPTION = "volume-encryption";

    private static final List<CheckInfo> CHECKS = List.of(
        new CheckInfo(HEARTBLEED, "Heartbleed (CVE-2014-0160)", "Heartbleed",
            "A malformed TLS heartbeat does not make the server return its memory.",
            "164.312(e)(1) transmission security; 164.308(a)(1)(ii)(A) risk analysis",
            "Upgrade the TLS library to a release without CVE-2014-0160 (OpenSSL 1.0.1g or later) or build it "
                + "without heartbeat support, then replace the server's private key and certificates and "
                + "invalidate session secrets, because they may have leaked.",
            "that a connection cannot be abused to read the server's memory"),
        new CheckInfo(FALLBACK_SCSV, "Downgrade protection (RFC 7507)", "Downgrade",
            "A client that retries with a lower protocol version and TLS_FALLBACK_SCSV is refused with "
                + "inappropriate_fallback.",
            "164.312(e)(2)(i) integrity controls",
            "Use a TLS library that honours TLS_FALLBACK_SCSV (RFC 7507), and disable protocol versions below "
                + "TLS 1.2 so that a forced downgrade has nothing weaker to fall back to.",
            "that connections cannot be forced down to weaker encryption"),
        new CheckInfo(PROXY_PROTOCOL, "PROXY protocol and client addresses", "PROXY protocol",
            "Behind a PROXY-protocol load balancer the service serves v1 and v2 headers and its access log "
                + "records the original client address, not the balancer's.",
            "164.312(b) audit controls",
            "Enable PROXY-protocol support on the listener, take the client address from the header in the "
                + "access log format (for nginx: set_real_ip_from and real_ip_header proxy_protocol), and "
                + "trust headers only from the balancers' addresses.",
            "that access logs record who really connected"),
        new CheckInfo(VOLUME_ENCRYPTION, "Encryption at rest", "Encryption at rest",
            "Each data directory is a declared VOLUME and the storage behind each mount is encrypted.",
            "164.312(a)(2)(iv) encryption and decryption",
            "Declare every data directory as a VOLUME in the image and document that deployments must place "
                + "it on encrypted storage (dm-crypt/LUKS, fscrypt, an encrypting FUSE file system or ZFS "
                + "native encryption); data written to the container's own layer is never encrypted.",
            "that stored data is encrypted"));

    private CheckCatalogue() {
    }

    /** The four checks, in the order reports list them. */
    public static List<CheckInfo> all() {
        return CHECKS;
    }

    /** The catalogue entry of a check, if the check is known. */
    public static Optional<CheckInfo> find(String checkId) {
        return CHECKS.stream().filter(info -> info.id().equals(checkId)).findFirst();
    }

    /** The catalogue entry of a check, or a plain entry naming the id for a check this build does not know. */
    public static CheckInfo describe(String checkId) {
        return find(checkId).orElseGet(() -> new CheckInfo(checkId, checkId, checkId,
            "(no description: this check is not in this build's catalogue)", "(not mapped)",
            "(no advice available)", "the safeguard checked by " + checkId));
    }
}

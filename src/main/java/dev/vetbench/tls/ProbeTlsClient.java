package dev.vetbench.tls;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Hashtable;
import java.util.List;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.HeartbeatExtension;
import org.bouncycastle.tls.HeartbeatMode;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * A BouncyCastle TLS client configured for probing, not for trust: it offers exactly the versions it is given
 * (TLS 1.0 included), the broad {@link CipherSuites} list, optionally the heartbeat extension and TLS_FALLBACK_SCSV,
 * and accepts any server certificate. It records what the server chose.
 *
 * <p>Accepting any certificate is deliberate: the probes test the server's protocol behaviour, and assessed images
 * usually carry self-signed certificates. Nothing sent over these connections is secret.
 */
final class ProbeTlsClient extends DefaultTlsClient {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ProtocolVersion[] versions;
    private final boolean fallback;
    private final boolean offerHeartbeat;
    private volatile ProtocolVersion serverVersion;
    private volatile int selectedSuite = -1;
    private volatile boolean heartbeatNegotiated;
    private volatile int alertReceived = -1;

    ProbeTlsClient(List<TlsVersion> versions, boolean fallback, boolean offerHeartbeat) {
        super(new BcTlsCrypto(RANDOM));
        this.versions = versions.stream().sorted((a, b) -> b.compareTo(a)).map(ProbeTlsClient::toBc)
            .toArray(ProtocolVersion[]::new);
        this.fallback = fallback;
        this.offerHeartbeat = offerHeartbeat;
    }

    static ProtocolVersion toBc(TlsVersion version) {
        return ProtocolVersion.get(version.wire() >> 8, version.wire() & 0xff);
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return versions.clone();
    }

    // Limitation: the full handshakes can use only suites BouncyCastle implements (no RC4, no export, no DSS-only);
    // a server that offers nothing else ends the downgrade check in ERROR, never in PASS.
    @Override
    protected int[] getSupportedCipherSuites() {
        int[] wanted = CipherSuites.all().stream().mapToInt(Integer::intValue).toArray();
        return TlsUtils.getSupportedCipherSuites(getCrypto(), wanted);
    }

    /** RFC 7507 section 4: a client retrying with a lower version adds TLS_FALLBACK_SCSV; BC does when true. */
    @Override
    public boolean isFallback() {
        return fallback;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getClientExtensions() throws IOException {
        Hashtable extensions = super.getClientExtensions();
        if (offerHeartbeat) {
            TlsExtensionsUtils.addHeartbeatExtension(extensions,
                new HeartbeatExtension(HeartbeatMode.peer_allowed_to_send));
        }
        return extensions;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        heartbeatNegotiated = serverExtensions != null
            && TlsExtensionsUtils.getHeartbeatExtension(serverExtensions) != null;
    }

    @Override
    public void notifyServerVersion(ProtocolVersion version) throws IOException {
        super.notifyServerVersion(version);
        serverVersion = version;
    }

    @Override
    public void notifySelectedCipherSuite(int suite) {
        super.notifySelectedCipherSuite(suite);
        selectedSuite = suite;
    }

    @Override
    public void notifyAlertReceived(short level, short description) {
        alertReceived = description;
    }

    @Override
    public void notifyAlertRaised(short level, short description, String message, Throwable cause) {
        // BouncyCastle logs raised alerts through java.util.logging by default; the probe reports them itself.
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate certificate) {
                // Accept any certificate: see the class comment.
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) {
                return null;
            }
        };
    }

    /** The version the server chose as wire value, or -1. */
    int serverVersion() {
        ProtocolVersion version = serverVersion;
        return version == null ? -1 : version.getFullVersion();
    }

    int selectedSuite() {
        return selectedSuite;
    }

    boolean heartbeatNegotiated() {
        return heartbeatNegotiated;
    }

    /** The alert the server sent, or -1. */
    int alertReceived() {
        return alertReceived;
    }
}

package dev.vetbench.report;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * The assessor's private key and certificate chain, read from a PKCS#12 file. The key never leaves this object
 * except into a signature; nothing here logs or prints it.
 */
public final class SigningIdentity {

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;

    SigningIdentity(PrivateKey privateKey, List<X509Certificate> chain) {
        this.privateKey = privateKey;
        this.chain = List.copyOf(chain);
    }

    /**
     * Opens a PKCS#12 file. The password array is not kept; the caller should clear it afterwards.
     *
     * @throws ReportException with one sentence when the file is missing, damaged, holds no key, or the password is
     *     wrong
     */
    public static SigningIdentity load(Path pkcs12, char[] password) throws ReportException {
        KeyStore store = openStore(pkcs12, password);
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) store.getKey(alias, password);
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate certificate : store.getCertificateChain(alias)) {
                        chain.add((X509Certificate) certificate);
                    }
                    return new SigningIdentity(key, chain);
                }
            }
        } catch (UnrecoverableKeyException e) {
            throw new ReportException("The private key in " + pkcs12 + " could not be unlocked with this password; "
                + "use the password it was created with.", e);
        } catch (GeneralSecurityException | ClassCastException | NullPointerException e) {
            throw new ReportException("The signing key in " + pkcs12 + " could not be read; create a new identity "
                + "with `vetbench keygen`.", e);
        }
        throw new ReportException(pkcs12 + " holds no private key; a signing identity needs a key and its "
            + "certificate.");
    }

    private static KeyStore openStore(Path pkcs12, char[] password) throws ReportException {
        try (InputStream in = Files.newInputStream(pkcs12)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (NoSuchFileException e) {
            throw new ReportException("The signing identity " + pkcs12 + " does not exist; create one with "
                + "`vetbench keygen`.", e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage())
                    .contains("password")) {
                throw new ReportException("The password for " + pkcs12 + " is wrong; nothing was written.", e);
            }
            throw new ReportException(pkcs12 + " is not a readable PKCS#12 file; check the path or create an "
                + "identity with `vetbench keygen`.", e);
        } catch (GeneralSecurityException e) {
            throw new ReportException(pkcs12 + " could not be opened as a PKCS#12 file; it may be damaged.", e);
        }
    }

    /** The signer's certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The certificate chain, signer first. */
    public List<X509Certificate> chain() {
        return chain;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    /** The JCA signature algorithm that fits the key. */
    String signatureAlgorithm() {
        return "EC".equals(privateKey.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    }

    /** What the report's signature page says about this identity. */
    public SignerDescription describe() {
        return describe(certificate());
    }

    /** Describes any certificate the way the signature page and the verifier show it. */
    public static SignerDescription describe(X509Certificate certificate) {
        X500Principal subject = certificate.getSubjectX500Principal();
        X500Principal issuer = certificate.getIssuerX500Principal();
        return new SignerDescription(commonName(certificate), readable(subject), readable(issuer),
            certificate.getSerialNumber().toString(16),
            fingerprint(certificate), certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(),
            subject.equals(issuer));
    }

    /** A distinguished name as people read it: {@code CN=..., T=..., O=...}, with attribute names spelled out. */
    private static String readable(X500Principal principal) {
        return X500Name.getInstance(BCStyle.INSTANCE, principal.getEncoded()).toString().replace(",", ", ");
    }

    /** The CN of the subject, or the whole subject when there is none. */
    public static String commonName(X509Certificate certificate) {
        X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        RDN[] common = name.getRDNs(BCStyle.CN);
        return common.length == 0 ? name.toString() : IETFUtils.valueToString(common[0].getFirst().getValue());
    }

    /** SHA-256 of the certificate's DER encoding, as colon-free lowercase hex. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(Digests.sha256(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            return new BigInteger(1, Digests.sha256(certificate.getPublicKey().getEncoded())).toString(16);
        }
    }
}

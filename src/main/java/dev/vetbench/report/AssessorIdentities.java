package dev.vetbench.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Creates a self-signed assessor certificate in a PKCS#12 file, for a first-time user without a CA. */
public final class AssessorIdentities {

    /** The key types an assessor can choose. */
    public enum KeyType {
        /** ECDSA on NIST P-256: small and fast; the default. */
        EC_P256,
        /** RSA with a 3072-bit modulus (NIST SP 800-57: 128-bit security), for tools without ECDSA. */
        RSA_3072
    }

    private AssessorIdentities() {
    }

    /**
     * Creates a key pair and a self-signed certificate (key usage digitalSignature and nonRepudiation) and writes
     * them to a new PKCS#12 file protected by the password. An existing file is never overwritten.
     */
    public static SigningIdentity createSelfSigned(Path pkcs12, String name, String organisation, String role,
            char[] password, KeyType type, Duration validity) throws ReportException {
        if (Files.exists(pkcs12)) {
            throw new ReportException(pkcs12 + " already exists; choose another file name or delete it first.");
        }
        try {
            KeyPair pair = generate(type);
            X509Certificate certificate = certificate(pair, subject(name, organisation, role), validity, type);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("assessor", pair.getPrivate(), password, new X509Certificate[] {certificate});
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            store.store(bytes, password);
            writeNew(pkcs12, bytes.toByteArray());
            return new SigningIdentity(pair.getPrivate(), List.of(certificate));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new ReportException("The signing identity could not be created; this Java runtime lacks the "
                + "needed algorithms.", e);
        } catch (IOException e) {
            throw new ReportException("The signing identity could not be written to " + pkcs12 + "; check that "
                + "the folder exists and is writable.", e);
        }
    }

    /** The certificate in PEM, for {@code openssl -CAfile} and for sending to those who verify reports. */
    public static String certificatePem(X509Certificate certificate) throws ReportException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            pem.writeObject(certificate);
        } catch (IOException e) {
            throw new ReportException("The certificate could not be written as PEM; this is a bug.", e);
        }
        return text.toString();
    }

    /** Writes the certificate as PEM to a file. */
    public static void writeCertificatePem(X509Certificate certificate, Path file) throws ReportException {
        try {
            Files.writeString(file, certificatePem(certificate), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ReportException("The certificate could not be written to " + file + "; check that the "
                + "folder is writable.", e);
        }
    }

    private static KeyPair generate(KeyType type) throws GeneralSecurityException {
        if (type == KeyType.RSA_3072) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072, new SecureRandom());
            return generator.generateKeyPair();
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        return generator.generateKeyPair();
    }

    private static X500Name subject(String name, String organisation, String role) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name);
        if (role != null && !role.isBlank()) {
            builder.addRDN(BCStyle.T, role);
        }
        if (organisation != null && !organisation.isBlank()) {
            builder.addRDN(BCStyle.O, organisation);
        }
        return builder.build();
    }

    private static X509Certificate certificate(KeyPair pair, X500Name subject, Duration validity, KeyType type)
            throws GeneralSecurityException, OperatorCreationException, CertIOException {
        Instant now = Instant.now();
        BigInteger serial = new BigInteger(127, new SecureRandom()).setBit(126);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
            Date.from(now.minusSeconds(300)), Date.from(now.plus(validity)), subject, pair.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        // RFC 5280 4.2.1.3: signing reports needs digitalSignature; nonRepudiation (contentCommitment) marks the
        // signer's commitment to the content, which is what an assessor's signature means.
        builder.addExtension(Extension.keyUsage, true,
            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
            extensions.createSubjectKeyIdentifier(pair.getPublic()));
        builder.addExtension(Extension.authorityKeyIdentifier, false,
            extensions.createAuthorityKeyIdentifier(pair.getPublic()));
        String algorithm = type == KeyType.RSA_3072 ? "SHA256withRSA" : "SHA256withECDSA";
        return new JcaX509CertificateConverter().getCertificate(
            builder.build(new JcaContentSignerBuilder(algorithm).build(pair.getPrivate())));
    }

    private static void writeNew(Path target, byte[] bytes) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        try {
            Files.write(temporary, bytes);
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}

package dev.vetbench.report;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Hashtable;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Detached CMS signatures (RFC 5652) with the signing-certificate-v2 attribute (RFC 5035), as PAdES baseline and
 * CAdES require, and an optional signature time-stamp (RFC 3161 appendix A).
 */
final class CmsSigner {

    /** Which signed attributes to include. */
    enum Profile {
        /**
         * PAdES baseline B-B (ETSI EN 319 142-1 section 5.4): the claimed signing time is the signature
         * dictionary's M entry, so the CMS signing-time attribute must not be present.
         */
        PADES,
        /** A detached CMS signature on a file, with the signing-time attribute. */
        DETACHED_FILE
    }

    private CmsSigner() {
    }

    /** Signs {@code content} and returns the DER encoding of a detached CMS SignedData. */
    static byte[] sign(byte[] content, SigningIdentity identity, Profile profile, Optional<TimestampClient> tsa)
            throws ReportException {
        try {
            ContentSigner signer = new JcaContentSignerBuilder(identity.signatureAlgorithm())
                .build(identity.privateKey());
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(attributes(identity.certificate(), profile))
                .build(signer, identity.certificate()));
            generator.addCertificates(new JcaCertStore(identity.chain()));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content), false);
            if (tsa.isPresent()) {
                signed = withTimestamp(signed, tsa.get());
            }
            return signed.getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | CMSException | CertificateEncodingException | IOException e) {
            throw new ReportException("The signature could not be made with this key; check that the PKCS#12 file "
                + "holds an RSA or EC signing key.", e);
        }
    }

    private static CMSAttributeTableGenerator attributes(X509Certificate certificate, Profile profile)
            throws CertificateEncodingException {
        Hashtable<Object, Object> extra = new Hashtable<>();
        Attribute signingCertificate = signingCertificateV2(certificate);
        extra.put(signingCertificate.getAttrType(), signingCertificate);
        DefaultSignedAttributeTableGenerator defaults = new DefaultSignedAttributeTableGenerator(
            new AttributeTable(extra));
        if (profile == Profile.DETACHED_FILE) {
            return defaults;
        }
        return parameters -> defaults.getAttributes(parameters).remove(CMSAttributes.signingTime);
    }

    /** RFC 5035: binds the signature to this certificate by its SHA-256 hash and issuer/serial. */
    static Attribute signingCertificateV2(X509Certificate certificate) throws CertificateEncodingException {
        X500Name issuer = X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded());
        IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(issuer)),
            certificate.getSerialNumber());
        // SHA-256 is ESSCertIDv2's default hash algorithm, so it is left out of the encoding (RFC 5035 section 4).
        ESSCertIDv2 id = new ESSCertIDv2(Digests.sha256(certificate.getEncoded()), issuerSerial);
        return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
            new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id})));
    }

    /** RFC 3161 appendix A: a time-stamp over the signature value, as an unsigned attribute. */
    private static CMSSignedData withTimestamp(CMSSignedData signed, TimestampClient tsa)
            throws ReportException, IOException {
        SignerInformation signerInfo = signed.getSignerInfos().getSigners().iterator().next();
        TimeStampToken token = tsa.timestamp(Digests.sha256(signerInfo.getSignature()));
        Attribute attribute = new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
            new DERSet(token.toCMSSignedData().toASN1Structure()));
        Hashtable<Object, Object> unsigned = new Hashtable<>();
        unsigned.put(attribute.getAttrType(), attribute);
        SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signerInfo,
            new AttributeTable(unsigned));
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
    }
}

package dev.vetbench.report;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

/** Checks a detached CMS signature over given content, and the attributes PAdES and CAdES add to it. */
final class CmsVerifier {

    /**
     * What the CMS said.
     *
     * @param steps the checks made
     * @param certificate the signer's certificate, when found
     * @param signingTime the CMS signing-time attribute, when present
     * @param timestamp the genTime of a valid signature time-stamp, when present
     */
    record Outcome(List<Verification.Step> steps, Optional<X509Certificate> certificate,
            Optional<Instant> signingTime, Optional<Instant> timestamp) {
    }

    private CmsVerifier() {
    }

    static Outcome verify(byte[] content, byte[] cms) {
        SignerInformation signer;
        X509Certificate certificate;
        try {
            CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(content), cms);
            signer = signed.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                return failed("the signature does not carry the signer's certificate");
            }
            certificate = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
        } catch (CMSException | CertificateException | RuntimeException e) {
            return failed("the signature is not a readable CMS structure (" + e.getClass().getSimpleName() + ")");
        }
        Verification.Step value = signatureValue(signer, certificate);
        Verification.Step binding = signingCertificate(signer, certificate);
        Optional<Instant> signingTime = signingTime(signer);
        TimestampCheck stamp = timestamp(signer);
        List<Verification.Step> steps = stamp.step() == null ? List.of(value, binding)
            : List.of(value, binding, stamp.step());
        return new Outcome(steps, Optional.of(certificate), signingTime, stamp.time());
    }

    private static Outcome failed(String detail) {
        return new Outcome(List.of(new Verification.Step("the signature value matches the content", false, detail)),
            Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static Verification.Step signatureValue(SignerInformation signer, X509Certificate certificate) {
        String what = "the signature value matches the content";
        try {
            // Checks the message-digest attribute against the content and the signature over the attributes.
            boolean ok = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
            return new Verification.Step(what, ok, ok ? "digest and signature verified with the signer's key"
                : "the signature does not match the signer's key");
        } catch (CMSException e) {
            return new Verification.Step(what, false, "the content was changed after signing (digest mismatch)");
        } catch (OperatorCreationException | RuntimeException e) {
            return new Verification.Step(what, false, "the signature could not be checked ("
                + e.getClass().getSimpleName() + ")");
        }
    }

    /** RFC 5035: the signed attribute names the certificate by hash, so a look-alike certificate cannot be used. */
    private static Verification.Step signingCertificate(SignerInformation signer, X509Certificate certificate) {
        String what = "the signing-certificate-v2 attribute names the signer's certificate";
        AttributeTable signed = signer.getSignedAttributes();
        Attribute attribute = signed == null ? null : signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attribute == null) {
            return new Verification.Step(what, false, "the attribute is missing");
        }
        try {
            SigningCertificateV2 value = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0));
            ESSCertIDv2 id = value.getCerts()[0];
            boolean ok = Arrays.equals(id.getCertHash(), Digests.sha256(certificate.getEncoded()));
            return new Verification.Step(what, ok, ok ? "certificate hash matches" : "certificate hash differs");
        } catch (java.security.cert.CertificateEncodingException | RuntimeException e) {
            return new Verification.Step(what, false, "the attribute is malformed");
        }
    }

    private static Optional<Instant> signingTime(SignerInformation signer) {
        AttributeTable signed = signer.getSignedAttributes();
        Attribute attribute = signed == null ? null : signed.get(CMSAttributes.signingTime);
        if (attribute == null) {
            return Optional.empty();
        }
        return Optional.of(Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant());
    }

    private record TimestampCheck(Verification.Step step, Optional<Instant> time) {
    }

    /** RFC 3161 appendix A: the token's imprint must be the hash of this signature value. */
    private static TimestampCheck timestamp(SignerInformation signer) {
        AttributeTable unsigned = signer.getUnsignedAttributes();
        Attribute attribute = unsigned == null ? null
            : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attribute == null) {
            return new TimestampCheck(null, Optional.empty());
        }
        String what = "the time-stamp token is valid and covers this signature";
        try {
            ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
            TimeStampToken token = new TimeStampToken(ContentInfo.getInstance(value));
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> tsaCerts = token.getCertificates().getMatches(token.getSID());
            if (tsaCerts.isEmpty()) {
                return new TimestampCheck(new Verification.Step(what, false, "the token lacks the TSA certificate"),
                    Optional.empty());
            }
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsaCerts.iterator().next()));
            boolean covers = Arrays.equals(token.getTimeStampInfo().getMessageImprintDigest(),
                Digests.sha256(signer.getSignature()));
            Instant time = token.getTimeStampInfo().getGenTime().toInstant();
            return new TimestampCheck(new Verification.Step(what, covers, covers ? "time-stamped at " + time
                + " by " + token.getSID().getIssuer() : "the token covers other data"), Optional.of(time));
        } catch (TSPException | IOException | OperatorCreationException | CertificateException
                | RuntimeException e) {
            return new TimestampCheck(new Verification.Step(what, false, "the token is not valid ("
                + e.getClass().getSimpleName() + ")"), Optional.empty());
        }
    }
}

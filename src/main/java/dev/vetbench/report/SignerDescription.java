package dev.vetbench.report;

import java.time.Instant;

/**
 * What the signature page says about the signing certificate.
 *
 * @param name the signer's common name
 * @param subject the certificate's subject
 * @param issuer the certificate's issuer
 * @param serial the serial number, hex
 * @param sha256Fingerprint SHA-256 of the certificate, hex, for comparing out of band
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param selfSigned whether the certificate signed itself
 */
public record SignerDescription(String name, String subject, String issuer, String serial,
        String sha256Fingerprint, Instant notBefore, Instant notAfter, boolean selfSigned) {
}

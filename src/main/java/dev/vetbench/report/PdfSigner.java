package dev.vetbench.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;

/**
 * Adds a PAdES baseline B-B signature (SubFilter ETSI.CAdES.detached, ETSI EN 319 142-1) to a PDF as an incremental
 * update, with the CMS made by {@link CmsSigner}; with a TSA configured the signature also carries a signature
 * time-stamp (B-T).
 */
final class PdfSigner {

    /** Room for the CMS in the signature dictionary: certificate chain, signature and a time-stamp token. */
    private static final int SIGNATURE_SPACE = 12_000;
    private static final int SIGNATURE_SPACE_WITH_TIMESTAMP = 24_000;

    private PdfSigner() {
    }

    static byte[] sign(byte[] pdf, SigningIdentity identity, Instant signingTime, String reason,
            Optional<TimestampClient> tsa) throws ReportException {
        try (PDDocument document = Loader.loadPDF(pdf);
                SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(SigningIdentity.commonName(identity.certificate()));
            signature.setReason(reason);
            // PAdES B-B: the claimed signing time lives here (M), not in the CMS.
            signature.setSignDate(PdfReportWriter.calendar(signingTime));
            options.setPreferredSignatureSize(tsa.isPresent() ? SIGNATURE_SPACE_WITH_TIMESTAMP : SIGNATURE_SPACE);
            document.addSignature(signature, options);

            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * SIGNATURE_SPACE_WITH_TIMESTAMP);
            ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
            byte[] cms = CmsSigner.sign(external.getContent().readAllBytes(), identity, CmsSigner.Profile.PADES,
                tsa);
            external.setSignature(cms);
            return out.toByteArray();
        } catch (IOException | IllegalStateException e) {
            throw new ReportException("The PDF could not be signed; the signature may be larger than the space "
                + "reserved for it, please report this.", e);
        }
    }
}

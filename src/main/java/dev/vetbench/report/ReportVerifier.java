package dev.vetbench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Verifies a signed report: a PDF with its PAdES signature, or a JSON file with the {@code .p7s} beside it. Says who
 * signed, when, whether the file is unchanged since signing, and for a PDF whether the attached JSON is the one the
 * signed PDF vouches for.
 */
public final class ReportVerifier {

    private ReportVerifier() {
    }

    /** Verifies a {@code .pdf}, or a {@code .json} with its {@code .json.p7s}. */
    public static Verification verify(Path file) throws ReportException {
        byte[] bytes = read(file);
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            Path signature = ReportWriter.signaturePathFor(file);
            if (!Files.exists(signature)) {
                throw new ReportException("No signature found for " + file + ": expected " + signature.getFileName()
                    + " beside it.");
            }
            return verifyJson(file, bytes, read(signature));
        }
        Path json = ReportWriter.jsonPathFor(file);
        Optional<byte[]> beside = Files.exists(json) && !json.equals(file) ? Optional.of(read(json))
            : Optional.empty();
        return verifyPdf(file, bytes, beside);
    }

    /** Verifies JSON bytes against a detached CMS signature in DER or PEM. */
    public static Verification verifyJson(Path file, byte[] json, byte[] signature) {
        CmsVerifier.Outcome cms = CmsVerifier.verify(json, derOf(signature));
        return new Verification(file, cms.certificate().map(SigningIdentity::describe), cms.signingTime(),
            cms.timestamp(), cms.steps());
    }

    /** Verifies a PDF's last signature; {@code jsonBeside} is the JSON report delivered next to it, if any. */
    public static Verification verifyPdf(Path file, byte[] pdf, Optional<byte[]> jsonBeside) {
        List<Verification.Step> steps = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = document.getLastSignatureDictionary();
            if (signature == null) {
                steps.add(new Verification.Step("the PDF is signed", false, "it carries no signature"));
                return new Verification(file, Optional.empty(), Optional.empty(), Optional.empty(), steps);
            }
            steps.add(subFilter(signature));
            Verification.Step coverage = coverage(signature, pdf);
            steps.add(coverage);
            CmsVerifier.Outcome cms = coverage.passed()
                ? CmsVerifier.verify(signature.getSignedContent(pdf), signature.getContents(pdf))
                : new CmsVerifier.Outcome(List.of(), Optional.empty(), Optional.empty(), Optional.empty());
            steps.addAll(cms.steps());
            // Limitation: trust in the signer is not decided here (self-signed assessor certificates are the norm);
            // the caller shows the certificate's SHA-256 fingerprint to compare with the one the assessor gave out.
            steps.addAll(embeddedJson(document, jsonBeside));
            Optional<Instant> claimed = Optional.ofNullable(signature.getSignDate()).map(c -> c.toInstant())
                .or(cms::signingTime);
            return new Verification(file, cms.certificate().map(SigningIdentity::describe), claimed,
                cms.timestamp(), steps);
        } catch (IOException | RuntimeException e) {
            steps.add(new Verification.Step("the file is a readable PDF", false, "it could not be parsed ("
                + e.getClass().getSimpleName() + ")"));
            return new Verification(file, Optional.empty(), Optional.empty(), Optional.empty(), steps);
        }
    }

    private static Verification.Step subFilter(PDSignature signature) {
        String subFilter = String.valueOf(signature.getSubFilter());
        boolean pades = PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName().equals(subFilter);
        return new Verification.Step("the signature is a PAdES signature (ETSI.CAdES.detached)", pades,
            "SubFilter " + subFilter);
    }

    /**
     * ISO 32000-1 12.8.1: the ByteRange must start at 0, leave out exactly the Contents string, and (for "unchanged
     * since signing") end at the end of the file, so nothing was appended after the signature.
     */
    private static Verification.Step coverage(PDSignature signature, byte[] pdf) {
        String what = "the signature covers the whole file except the signature itself";
        int[] range = signature.getByteRange();
        if (range == null || range.length != 4 || range[0] != 0 || range[1] <= 0 || range[2] <= range[1]
                || range[3] < 0 || (long) range[2] + range[3] > pdf.length) {
            return new Verification.Step(what, false, "the ByteRange is malformed: " + Arrays.toString(range));
        }
        if ((long) range[2] + range[3] != pdf.length) {
            return new Verification.Step(what, false, (pdf.length - range[2] - range[3]) + " bytes were added "
                + "after signing");
        }
        if (pdf[range[1]] != '<' || pdf[range[2] - 1] != '>' || !isHex(pdf, range[1] + 1, range[2] - 1)) {
            return new Verification.Step(what, false, "the gap in the ByteRange holds more than the signature");
        }
        return new Verification.Step(what, true, "ByteRange " + Arrays.toString(range) + " of " + pdf.length
            + " bytes");
    }

    private static boolean isHex(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(bytes[i], 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static List<Verification.Step> embeddedJson(PDDocument document, Optional<byte[]> beside)
            throws IOException {
        String what = "the attached JSON report is the one the signed PDF states";
        Optional<byte[]> attached = attachment(document);
        if (attached.isEmpty()) {
            return List.of(new Verification.Step(what, false, "no " + PdfReportWriter.ATTACHMENT_NAME
                + " is attached"));
        }
        String digest = HexFormat.of().formatHex(Digests.sha256(attached.get()));
        String stated = document.getDocumentInformation().getCustomMetadataValue(PdfReportWriter.JSON_DIGEST_KEY);
        boolean inInfo = digest.equals(stated);
        boolean onPage = lastPageText(document).contains(digest);
        List<Verification.Step> steps = new ArrayList<>();
        steps.add(new Verification.Step(what, inInfo && onPage, inInfo && onPage ? "SHA-256 " + digest
            + " matches the document information and the signature page" : "the attached JSON's SHA-256 " + digest
            + " differs from what the PDF states"));
        beside.ifPresent(json -> steps.add(new Verification.Step("the JSON report beside the PDF is the attached "
            + "one", Arrays.equals(json, attached.get()), Arrays.equals(json, attached.get()) ? "identical bytes"
            : "the JSON file beside the PDF differs from the attached one")));
        return steps;
    }

    /** The bytes of the attached {@value PdfReportWriter#ATTACHMENT_NAME}, if present. */
    public static Optional<byte[]> attachment(PDDocument document) throws IOException {
        PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
        PDEmbeddedFilesNameTreeNode tree = names == null ? null : names.getEmbeddedFiles();
        Map<String, PDComplexFileSpecification> files = tree == null ? null : tree.getNames();
        PDComplexFileSpecification spec = files == null ? null : files.get(PdfReportWriter.ATTACHMENT_NAME);
        PDEmbeddedFile file = spec == null ? null : spec.getEmbeddedFile();
        return file == null ? Optional.empty() : Optional.of(file.toByteArray());
    }

    private static String lastPageText(PDDocument document) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(document.getNumberOfPages());
        stripper.setEndPage(document.getNumberOfPages());
        return stripper.getText(document).replaceAll("\\s+", "");
    }

    private static byte[] derOf(byte[] signature) {
        String text = new String(signature, StandardCharsets.US_ASCII);
        if (!text.startsWith("-----BEGIN")) {
            return signature;
        }
        String body = text.replaceAll("-----(BEGIN|END)[^-]*-----", "").replaceAll("\\s+", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            return signature;
        }
    }

    private static byte[] read(Path file) throws ReportException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ReportException("The file " + file + " does not exist.", e);
        } catch (IOException e) {
            throw new ReportException("The file " + file + " could not be read; check its permissions.", e);
        }
    }
}

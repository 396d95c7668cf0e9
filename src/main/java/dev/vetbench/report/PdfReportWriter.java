package dev.vetbench.report;

import dev.vetbench.assessment.Assessment;
import dev.vetbench.assessment.ImageVersion;
import dev.vetbench.assessment.VersionComparison;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.Optional;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

/**
 * Lays out the PDF report from an assessment and its JSON twin: cover, executive summary, matrix picture, one
 * section per check, notes and waivers, evidence appendix and signature page. The JSON is attached as
 * {@value #ATTACHMENT_NAME}, and its SHA-256 is written both in the document information and on the signature page,
 * so the signed PDF vouches for the JSON it carries.
 */
public final class PdfReportWriter {

    /** The name of the embedded JSON report. */
    public static final String ATTACHMENT_NAME = "report.json";
    /** The document-information key that holds the SHA-256 of the embedded JSON. */
    public static final String JSON_DIGEST_KEY = "VetbenchJsonSha256";

    private PdfReportWriter() {
    }

    /**
     * Renders the report.
     *
     * @param assessment the assessment
     * @param document its JSON document (the same model)
     * @param json the exact JSON bytes to embed
     * @param signer the certificate that will sign, for the signature page; empty for an unsigned report
     */
    public static RenderedReport render(Assessment assessment, ReportDocument document, byte[] json,
            Optional<SignerDescription> signer) throws ReportException {
        try (PDDocument pdf = new PDDocument()) {
            ReportFonts fonts = ReportFonts.embedInto(pdf);
            PageLayout page = new PageLayout(pdf, fonts);
            String jsonDigest = HexFormat.of().formatHex(Digests.sha256(json));
            VersionComparison comparison = VersionComparison.of(assessment);
            LocalDate day = LocalDate.ofInstant(document.generatedAt(), ZoneOffset.UTC);
            ReportSections sections = new ReportSections(page, assessment, document, comparison, day);

            sections.cover(signer);
            PageBox matrix = sections.summaryAndMatrix();
            sections.checks();
            sections.notesAndWaivers();
            sections.evidenceAppendix();
            sections.signaturePage(signer, jsonDigest);
            String header = assessment.vendor() + " \u2022 " + assessment.product() + " \u2022 container security "
                + "assessment";
            page.finish(header, "Assessment " + assessment.id() + " \u2022 generated "
                + ReportSections.time(document.generatedAt()));

            describe(pdf, assessment, document.generatedAt(), jsonDigest);
            attach(pdf, json, document.generatedAt());
            ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
            pdf.save(out);
            return new RenderedReport(out.toByteArray(), matrix, pdf.getNumberOfPages());
        } catch (IOException e) {
            throw new ReportException("The PDF report could not be laid out; this is a bug, please report it.", e);
        }
    }

    private static void describe(PDDocument pdf, Assessment assessment, Instant generatedAt, String jsonDigest) {
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setTitle("Container security assessment: " + assessment.product());
        info.setSubject(assessment.vendor() + ", " + assessment.product() + ", "
            + assessment.scope().versions().stream().map(ImageVersion::id).toList());
        info.setAuthor(assessment.assessor().name());
        info.setCreator("Vetbench");
        info.setProducer("Vetbench with Apache PDFBox");
        info.setKeywords("HIPAA Security Rule; container security; Heartbleed; RFC 7507; PROXY protocol; "
            + "encryption at rest");
        info.setCreationDate(calendar(generatedAt));
        info.setCustomMetadataValue(JSON_DIGEST_KEY, jsonDigest);
        info.setCustomMetadataValue("VetbenchAssessmentId", assessment.id());
    }

    private static void attach(PDDocument pdf, byte[] json, Instant generatedAt) throws IOException {
        PDEmbeddedFile embedded = new PDEmbeddedFile(pdf, new java.io.ByteArrayInputStream(json));
        embedded.setSubtype("application/json");
        embedded.setSize(json.length);
        embedded.setCreationDate(calendar(generatedAt));
        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile(ATTACHMENT_NAME);
        spec.setFileUnicode(ATTACHMENT_NAME);
        spec.setFileDescription("Machine-readable report (the same assessment as this PDF)");
        spec.setEmbeddedFile(embedded);
        spec.setEmbeddedFileUnicode(embedded);
        // PDF 2.0 / PDF/A-3 associated file: the JSON is the data this document presents.
        spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Data");
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(java.util.Map.of(ATTACHMENT_NAME, spec));
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(pdf.getDocumentCatalog());
        names.setEmbeddedFiles(tree);
        pdf.getDocumentCatalog().setNames(names);
    }

    static Calendar calendar(Instant instant) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }
}

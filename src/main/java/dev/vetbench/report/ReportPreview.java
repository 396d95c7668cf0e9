package dev.vetbench.report;

import dev.vetbench.assessment.Assessment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Page images of the report as it would be written, for a preview before signing. The window converts them with
 * {@code SwingFXUtils}; nothing here touches JavaFX.
 */
public final class ReportPreview {

    private ReportPreview() {
    }

    /**
     * Renders the first {@code maxPages} pages of the unsigned report.
     *
     * @param signer the identity that will sign, so the signature page shows it; empty for an unsigned draft
     * @param dpi resolution, e.g. 72 for thumbnails, 110 for reading
     */
    public static List<BufferedImage> pages(Assessment assessment, Optional<SignerDescription> signer, float dpi,
            int maxPages) throws ReportException {
        ReportDocument document = ReportDocument.of(assessment, Instant.now(), "preview");
        RenderedReport rendered = PdfReportWriter.render(assessment, document, document.toJson(), signer);
        try (PDDocument pdf = Loader.loadPDF(rendered.pdf())) {
            PDFRenderer renderer = new PDFRenderer(pdf);
            List<BufferedImage> pages = new ArrayList<>();
            for (int index = 0; index < Math.min(maxPages, pdf.getNumberOfPages()); index++) {
                pages.add(renderer.renderImageWithDPI(index, dpi, ImageType.RGB));
            }
            return pages;
        } catch (IOException e) {
            throw new ReportException("The report preview could not be drawn; this is a bug, please report it.", e);
        }
    }
}

package dev.vetbench.report;

/**
 * An unsigned PDF report and where its matrix picture is.
 *
 * @param pdf the PDF bytes
 * @param matrix where the first part of the version x check matrix is drawn
 * @param pageCount the number of pages
 */
public record RenderedReport(byte[] pdf, PageBox matrix, int pageCount) {
}

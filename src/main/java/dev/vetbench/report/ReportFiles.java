package dev.vetbench.report;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The files one report consists of.
 *
 * @param pdf the PDF for people, with the JSON attached
 * @param json the JSON report for machines
 * @param jsonSignature the detached CMS signature of the JSON ({@code .json.p7s}, DER), when signed
 * @param pdfBytes size of the PDF in bytes
 * @param jsonBytes size of the JSON in bytes
 */
public record ReportFiles(Path pdf, Path json, Optional<Path> jsonSignature, long pdfBytes, long jsonBytes) {
}

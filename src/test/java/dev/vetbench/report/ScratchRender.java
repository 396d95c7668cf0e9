package dev.vetbench.report;

import dev.vetbench.assessment.Assessment;
import dev.vetbench.assessment.SampleAssessments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

public final class ScratchRender {
    public static void main(String[] args) throws Exception {
        Assessment a = args.length > 1 ? SampleAssessments.manyVersions(Integer.parseInt(args[1]))
            : SampleAssessments.twoVersionsFourChecks();
        ReportDocument doc = ReportDocument.of(a, Instant.parse("2026-12-03T15:00:00Z"), "vetbench test");
        byte[] json = doc.toJson();
        RenderedReport r = PdfReportWriter.render(a, doc, json, Optional.empty());
        Files.write(Path.of(args[0]), r.pdf());
        System.out.println(r.matrix() + " pages=" + r.pageCount());
    }
}

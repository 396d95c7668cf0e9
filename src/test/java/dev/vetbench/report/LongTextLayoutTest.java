package dev.vetbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.assessment.Assessment;
import dev.vetbench.assessment.Assessor;
import dev.vetbench.assessment.ImageVersion;
import dev.vetbench.assessment.Note;
import dev.vetbench.assessment.SampleAssessments;
import dev.vetbench.assessment.Scope;
import dev.vetbench.assessment.Waiver;
import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.Evidence;
import dev.vetbench.checks.Verdict;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/** Hostile text (very long names, digests, unbroken tokens, scripts the fonts lack) never runs off a page. */
class LongTextLayoutTest {

    private static final String LONG_TOKEN = "sha512:" + "9f86d081884c7d659a2feaa0c55ad015".repeat(8);

    @Test
    void everyGlyphOfAHostileReportStaysInsideThePage() throws Exception {
        RenderedReport rendered = render(hostileAssessment());
        // Kept for a look with pdftoppm: target/long-text-report.pdf.
        java.nio.file.Files.write(java.nio.file.Path.of("target", "long-text-report.pdf"), rendered.pdf());

        List<String> outside = new ArrayList<>();
        try (PDDocument pdf = Loader.loadPDF(rendered.pdf())) {
            new BoundsChecker(outside).getText(pdf);
        }

        assertThat(rendered.pageCount()).isGreaterThan(5);
        assertThat(outside).as("glyphs outside the page margins").isEmpty();
    }

    private static RenderedReport render(Assessment assessment) throws ReportException {
        ReportDocument document = ReportDocument.of(assessment, Instant.parse("2026-12-03T15:00:00Z"), "t");
        return PdfReportWriter.render(assessment, document, document.toJson(), Optional.empty());
    }

    private static Assessment hostileAssessment() {
        String longWords = "Extraordinarily ".repeat(30) + LONG_TOKEN + " \u65E5\u672C\u8A9E \uD83D\uDE00 \u00C4\u00D6";
        ImageVersion version = new ImageVersion("registry.example.internal:5000/" + "very-long-team-name/".repeat(6)
            + "frontend", "1.0.0-rc.1+build." + "7".repeat(80), LONG_TOKEN);
        Assessment assessment = Assessment.start("Vendor " + longWords, "Product " + longWords,
            new Assessor("Assessor " + longWords, "Organisation " + longWords, "Role " + longWords),
            new Scope("tcp://" + LONG_TOKEN + ":2376", List.of(version, SampleAssessments.FIXED),
                List.of("profile-" + LONG_TOKEN)), Instant.parse("2026-12-03T14:00:00Z"));
        assessment = SampleAssessments.withResults(assessment, SampleAssessments.FIXED, true);
        CheckResult hostile = new CheckResult("heartbleed", version.id(), Verdict.FAIL, "Summary " + longWords,
            null, Evidence.builder().fact("key " + longWords, "value " + longWords).line("line " + longWords)
                .line(LONG_TOKEN + LONG_TOKEN).build(), Instant.now(), Duration.ofMillis(5));
        assessment = assessment.withResult(version.id(), hostile, Instant.now());
        assessment = assessment.withNote(new Note(version.id(), "heartbleed", "Note " + longWords,
            "Author " + longWords, Instant.now()));
        return assessment.withWaiver(new Waiver(version.id(), "heartbleed", "Because " + longWords,
            "Approver " + longWords, LocalDate.parse("2027-01-01"), Instant.now()));
    }

    private static boolean isFooter(String text) {
        return text.startsWith("Confidential: ") || text.startsWith("Share it only") || text.startsWith("Assessment ")
            || text.startsWith("Page ");
    }

    /** Collects every glyph outside the margins, or below the text area without being the page's footer. */
    private static final class BoundsChecker extends PDFTextStripper {

        private final List<String> outside;

        BoundsChecker(List<String> outside) throws IOException {
            this.outside = outside;
        }

        /** The lowest baseline body text may use: above the cover's confidentiality note, else the footer rule. */
        private float textBottom() {
            return getCurrentPageNo() == 1 ? 84f : ReportStyle.BOTTOM;
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            for (TextPosition glyph : positions) {
                float left = glyph.getXDirAdj();
                float right = left + glyph.getWidthDirAdj();
                float top = glyph.getYDirAdj();
                boolean inside = left >= ReportStyle.MARGIN - 0.5f
                    && right <= ReportStyle.PAGE_WIDTH - ReportStyle.MARGIN + 0.5f
                    && top >= 20f && top <= ReportStyle.PAGE_HEIGHT - 20f
                    && (isFooter(text) || ReportStyle.PAGE_HEIGHT - top >= textBottom() - 1f);
                if (!inside) {
                    outside.add("page " + getCurrentPageNo() + ": '" + glyph.getUnicode() + "' at " + left + ".."
                        + right + " in '" + text + "'");
                }
            }
        }
    }
}

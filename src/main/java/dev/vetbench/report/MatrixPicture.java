package dev.vetbench.report;

import dev.vetbench.assessment.Assessment;
import dev.vetbench.assessment.CheckCatalogue;
import dev.vetbench.assessment.ImageVersion;
import dev.vetbench.assessment.VersionComparison;
import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.Verdict;
import java.awt.Color;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Draws the version x check matrix as coloured cells with a legend, continuing on new pages for long scopes. */
final class MatrixPicture {

    private static final float LABEL_WIDTH = 150f;
    private static final float HEADER_HEIGHT = 34f;
    private static final float ROW_HEIGHT = 24f;
    private static final float GAP = 2f;

    private final PageLayout page;
    private final Assessment assessment;
    private final VersionComparison comparison;
    private final LocalDate day;

    MatrixPicture(PageLayout page, Assessment assessment, VersionComparison comparison, LocalDate day) {
        this.page = page;
        this.assessment = assessment;
        this.comparison = comparison;
        this.day = day;
    }

    /** Draws the matrix at the cursor and returns where its first part landed. */
    PageBox draw() throws IOException {
        List<ImageVersion> versions = comparison.versions();
        float whole = heightOfFirstRows(versions.size()) + 30f;
        float fullPage = ReportStyle.TOP - ReportStyle.BOTTOM;
        // Keep the picture in one piece when it fits on a page of its own.
        page.ensure(whole <= fullPage ? whole : heightOfFirstRows(3) + 30f);
        PageBox first = null;
        int next = 0;
        while (next < versions.size() || first == null) {
            int fits = Math.max(1, (int) ((page.y() - page.bottom() - HEADER_HEIGHT - 30f) / ROW_HEIGHT));
            int end = Math.min(versions.size(), next + fits);
            PageBox part = drawPart(versions.subList(next, end));
            first = first == null ? part : first;
            next = end;
            if (next < versions.size()) {
                page.newPage();
            }
        }
        drawLegend();
        return first;
    }

    /** The height of the header and the first {@code rows} rows. */
    float heightOfFirstRows(int rows) {
        return HEADER_HEIGHT + ROW_HEIGHT * Math.min(rows, comparison.versions().size());
    }

    private float cellWidth() {
        return (ReportStyle.TEXT_WIDTH - LABEL_WIDTH) / Math.max(1, comparison.checkIds().size());
    }

    private PageBox drawPart(List<ImageVersion> rows) throws IOException {
        float top = page.y();
        float height = HEADER_HEIGHT + rows.size() * ROW_HEIGHT;
        float bottom = top - height;
        page.fill(ReportStyle.MARGIN, top - HEADER_HEIGHT, ReportStyle.TEXT_WIDTH, HEADER_HEIGHT, ReportStyle.PANEL);
        drawHeader(top);
        for (int i = 0; i < rows.size(); i++) {
            drawRow(rows.get(i), top - HEADER_HEIGHT - (i + 1) * ROW_HEIGHT, i);
        }
        page.stroke(ReportStyle.MARGIN, bottom, ReportStyle.TEXT_WIDTH, height, ReportStyle.RULE, 0.8f);
        page.moveDown(height + 8f);
        return new PageBox(page.pageIndex(), ReportStyle.MARGIN, bottom, ReportStyle.TEXT_WIDTH, height);
    }

    private void drawHeader(float top) throws IOException {
        page.show("Image version", page.fonts.bold, 8.5f, ReportStyle.INK, ReportStyle.MARGIN + 8f,
            top - HEADER_HEIGHT / 2 - 3f);
        float x = ReportStyle.MARGIN + LABEL_WIDTH;
        for (String checkId : comparison.checkIds()) {
            String title = CheckCatalogue.describe(checkId).shortTitle();
            List<String> lines = TextLayout.wrap(page.fonts.printable(page.fonts.bold, title), page.fonts.bold,
                8.5f, cellWidth() - 6f);
            float baseline = top - HEADER_HEIGHT / 2 + (lines.size() - 1) * 5.5f - 3f;
            for (String line : lines.subList(0, Math.min(2, lines.size()))) {
                page.showCentred(line, page.fonts.bold, 8.5f, ReportStyle.INK, x + cellWidth() / 2, baseline);
                baseline -= 11f;
            }
            x += cellWidth();
        }
    }

    private void drawRow(ImageVersion version, float bottom, int index) throws IOException {
        if (index % 2 == 1) {
            page.fill(ReportStyle.MARGIN, bottom, LABEL_WIDTH, ROW_HEIGHT, ReportStyle.PANEL);
        }
        float labelWidth = LABEL_WIDTH - 14f;
        page.show(page.clip(version.tag(), page.fonts.bold, 9f, labelWidth), page.fonts.bold, 9f, ReportStyle.INK,
            ReportStyle.MARGIN + 8f, bottom + 13f);
        String detail = version.repository() + (version.digest().isEmpty() ? "" : "  " + shortDigest(version));
        page.show(page.clip(detail, page.fonts.regular, 6.5f, labelWidth), page.fonts.regular, 6.5f,
            ReportStyle.MUTED, ReportStyle.MARGIN + 8f, bottom + 4.5f);
        float x = ReportStyle.MARGIN + LABEL_WIDTH;
        for (String checkId : comparison.checkIds()) {
            drawCell(x, bottom, assessment.result(version.id(), checkId),
                assessment.waivedOn(version.id(), checkId, day));
            x += cellWidth();
        }
    }

    private static String shortDigest(ImageVersion version) {
        String digest = version.digest();
        int colon = digest.indexOf(':');
        return digest.substring(0, Math.min(digest.length(), colon + 13));
    }

    private void drawCell(float x, float bottom, Optional<CheckResult> result, boolean waived) throws IOException {
        float width = cellWidth() - 2 * GAP;
        float height = ROW_HEIGHT - 2 * GAP;
        Color fill = result.map(r -> ReportStyle.colour(r.verdict())).orElse(ReportStyle.NOT_RUN);
        page.fill(x + GAP, bottom + GAP, width, height, fill);
        String label = result.map(r -> ReportStyle.label(r.verdict())).orElse("not run");
        Color ink = result.isPresent() ? ReportStyle.WHITE : ReportStyle.MUTED;
        boolean waivedFinding = waived && result.map(r -> r.verdict() == Verdict.FAIL).orElse(false);
        float centre = x + cellWidth() / 2;
        if (waivedFinding) {
            page.showCentred(label, page.fonts.bold, 8.5f, ink, centre, bottom + 11.5f);
            page.showCentred("waived", page.fonts.regular, 6.5f, ink, centre, bottom + 4.5f);
        } else {
            page.showCentred(label, page.fonts.bold, 9f, ink, centre, bottom + 8.5f);
        }
    }

    private void drawLegend() throws IOException {
        page.ensure(20f);
        float baseline = page.y() - 10f;
        float x = ReportStyle.MARGIN;
        Object[][] entries = {
            {ReportStyle.PASS, "PASS: the safeguard works"},
            {ReportStyle.FAIL, "FAIL: finding"},
            {ReportStyle.ERROR, "ERROR: could not run"},
            {ReportStyle.NOT_APPLICABLE, "N/A: does not apply"},
            {ReportStyle.NOT_RUN, "not run"},
        };
        for (Object[] entry : entries) {
            page.fill(x, baseline - 1.5f, 9f, 9f, (Color) entry[0]);
            String text = (String) entry[1];
            page.show(text, page.fonts.regular, 7.5f, ReportStyle.INK, x + 12f, baseline);
            x += 12f + ReportFonts.width(page.fonts.regular, 7.5f, text) + 12f;
        }
        page.moveDown(22f);
    }
}

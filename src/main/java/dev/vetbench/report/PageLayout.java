package dev.vetbench.report;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A cursor that flows text and boxes down A4 pages, starting a new page when the next block does not fit. Header
 * and footer lines are added at the end, when the page count is known.
 */
final class PageLayout {

    final PDDocument document;
    final ReportFonts fonts;
    private PDPageContentStream content;
    private float y;
    private float bottom = ReportStyle.BOTTOM;

    PageLayout(PDDocument document, ReportFonts fonts) {
        this.document = document;
        this.fonts = fonts;
    }

    /** Starts a page; the cursor goes to the top of the text area. */
    void newPage() throws IOException {
        closePage();
        PDPage page = new PDPage(new PDRectangle(ReportStyle.PAGE_WIDTH, ReportStyle.PAGE_HEIGHT));
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = ReportStyle.TOP;
        bottom = ReportStyle.BOTTOM;
    }

    /** Raises the bottom of the text area on the current page, e.g. above the cover's own footer. */
    void reserveBottom(float newBottom) {
        bottom = newBottom;
    }

    /** The bottom of the text area on the current page. */
    float bottom() {
        return bottom;
    }

    void closePage() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }

    float y() {
        return y;
    }

    void moveTo(float newY) {
        y = newY;
    }

    void moveDown(float amount) {
        y -= amount;
    }

    /** The index of the page being written. */
    int pageIndex() {
        return document.getNumberOfPages() - 1;
    }

    /** Starts a new page unless {@code height} points still fit above the bottom margin. */
    void ensure(float height) throws IOException {
        if (y - height < bottom) {
            newPage();
        }
    }

    /** Flows wrapped text at the cursor; lines that do not fit continue on the next page. */
    void text(String text, PDFont font, float size, Color colour, float indent) throws IOException {
        float leading = size * 1.38f;
        List<String> lines = TextLayout.wrap(fonts.printable(font, text), font, size,
            ReportStyle.TEXT_WIDTH - indent);
        for (String line : lines) {
            ensure(leading);
            y -= leading;
            show(line, font, size, colour, ReportStyle.MARGIN + indent, y + size * 0.28f);
        }
    }

    /** Flows wrapped text with a hanging indent: continuation lines start {@code hang} points further in. */
    void textHanging(String text, PDFont font, float size, Color colour, float indent, float hang)
            throws IOException {
        float leading = size * 1.38f;
        String printable = fonts.printable(font, text);
        List<String> first = TextLayout.wrap(printable, font, size, ReportStyle.TEXT_WIDTH - indent);
        String head = first.get(0);
        List<String> rest = head.length() >= printable.length() ? List.of()
            : TextLayout.wrap(printable.substring(head.length()).stripLeading(), font, size,
                ReportStyle.TEXT_WIDTH - indent - hang);
        ensure(leading);
        y -= leading;
        show(head, font, size, colour, ReportStyle.MARGIN + indent, y + size * 0.28f);
        for (String line : rest) {
            ensure(leading);
            y -= leading;
            show(line, font, size, colour, ReportStyle.MARGIN + indent + hang, y + size * 0.28f);
        }
    }

    /** Flows wrapped text inside a box of the given width starting at {@code x}; returns the lines drawn. */
    int textIn(String text, PDFont font, float size, Color colour, float x, float width) throws IOException {
        float leading = size * 1.38f;
        List<String> lines = TextLayout.wrap(fonts.printable(font, text), font, size, width);
        for (String line : lines) {
            ensure(leading);
            y -= leading;
            show(line, font, size, colour, x, y + size * 0.28f);
        }
        return lines.size();
    }

    /** Height that {@link #textIn} would use, for keeping blocks together. */
    float heightOf(String text, PDFont font, float size, float width) {
        return TextLayout.wrap(fonts.printable(font, text), font, size, width).size() * size * 1.38f;
    }

    /** Draws one line at an absolute position, without wrapping; the caller made sure it fits. */
    void show(String text, PDFont font, float size, Color colour, float x, float baseline) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.setNonStrokingColor(colour);
        content.newLineAtOffset(x, baseline);
        content.showText(fonts.printable(font, text));
        content.endText();
    }

    /** Draws one line centred on {@code centreX}. */
    void showCentred(String text, PDFont font, float size, Color colour, float centreX, float baseline)
            throws IOException {
        String printable = fonts.printable(font, text);
        show(printable, font, size, colour, centreX - ReportFonts.width(font, size, printable) / 2, baseline);
    }

    void fill(float x, float bottom, float width, float height, Color colour) throws IOException {
        content.setNonStrokingColor(colour);
        content.addRect(x, bottom, width, height);
        content.fill();
    }

    void stroke(float x, float bottom, float width, float height, Color colour, float lineWidth) throws IOException {
        content.setStrokingColor(colour);
        content.setLineWidth(lineWidth);
        content.addRect(x, bottom, width, height);
        content.stroke();
    }

    void line(float x1, float y1, float x2, float y2, Color colour, float lineWidth) throws IOException {
        content.setStrokingColor(colour);
        content.setLineWidth(lineWidth);
        content.moveTo(x1, y1);
        content.lineTo(x2, y2);
        content.stroke();
    }

    /** Adds the running header and "page n of m" footer to every page but the cover. */
    void finish(String header, String footer) throws IOException {
        closePage();
        int count = document.getNumberOfPages();
        for (int index = 1; index < count; index++) {
            PDPage page = document.getPage(index);
            try (PDPageContentStream stream = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                content = stream;
                decorate(header, footer, index + 1, count);
            }
        }
        content = null;
    }

    private void decorate(String header, String footer, int number, int count) throws IOException {
        float right = ReportStyle.PAGE_WIDTH - ReportStyle.MARGIN;
        float top = ReportStyle.PAGE_HEIGHT - 40f;
        String clipped = clip(header, fonts.regular, 8f, ReportStyle.TEXT_WIDTH - 80f);
        show(clipped, fonts.regular, 8f, ReportStyle.MUTED, ReportStyle.MARGIN, top);
        String vetbench = "VETBENCH";
        show(vetbench, fonts.bold, 8f, ReportStyle.BRAND, right - ReportFonts.width(fonts.bold, 8f, vetbench), top);
        line(ReportStyle.MARGIN, top - 6f, right, top - 6f, ReportStyle.RULE, 0.6f);
        line(ReportStyle.MARGIN, 46f, right, 46f, ReportStyle.RULE, 0.6f);
        show(clip(footer, fonts.regular, 7.5f, ReportStyle.TEXT_WIDTH - 90f), fonts.regular, 7.5f,
            ReportStyle.MUTED, ReportStyle.MARGIN, 34f);
        String page = "Page " + number + " of " + count;
        show(page, fonts.regular, 8f, ReportStyle.INK, right - ReportFonts.width(fonts.regular, 8f, page), 34f);
    }

    /** The text cut to fit one line, with an ellipsis when cut. */
    String clip(String text, PDFont font, float size, float width) {
        String printable = fonts.printable(font, text);
        if (ReportFonts.width(font, size, printable) <= width) {
            return printable;
        }
        String cut = printable;
        while (cut.length() > 1 && ReportFonts.width(font, size, cut + "\u2026") > width) {
            // Step back a whole code point, never half a surrogate pair.
            cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
        }
        return cut + "\u2026";
    }
}

package dev.vetbench.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Breaks text into lines that fit a width: at spaces where possible, and inside a word only when the word alone is
 * wider than the line (hex digests, URLs, base64), so nothing ever runs off the page.
 */
final class TextLayout {

    private TextLayout() {
    }

    /** The lines of a printable text; explicit line breaks are kept. */
    static List<String> wrap(String text, PDFont font, float size, float width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            wrapParagraph(paragraph, font, size, width, lines);
        }
        return lines;
    }

    private static void wrapParagraph(String paragraph, PDFont font, float size, float width, List<String> lines) {
        StringBuilder line = new StringBuilder();
        float lineWidth = 0f;
        float space = ReportFonts.width(font, size, " ");
        for (String word : paragraph.split(" ", -1)) {
            float wordWidth = ReportFonts.width(font, size, word);
            float candidate = line.length() == 0 ? wordWidth : lineWidth + space + wordWidth;
            if (candidate <= width) {
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(word);
                lineWidth = candidate;
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (ReportFonts.width(font, size, rest) > width) {
                int fit = longestFittingPrefix(rest, font, size, width);
                lines.add(rest.substring(0, fit));
                rest = rest.substring(fit);
            }
            line.append(rest);
            lineWidth = ReportFonts.width(font, size, rest);
        }
        lines.add(line.toString());
    }

    /** The length of the longest prefix that fits; at least one character so the loop always advances. */
    private static int longestFittingPrefix(String word, PDFont font, float size, float width) {
        int low = 1;
        int high = word.length();
        while (low < high) {
            int middle = (low + high + 1) / 2;
            if (ReportFonts.width(font, size, word.substring(0, middle)) <= width) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        if (low < word.length() && Character.isLowSurrogate(word.charAt(low))) {
            low = low > 1 ? low - 1 : low + 1;
        }
        return low;
    }
}

package dev.vetbench.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The DejaVu fonts of {@code assets/fonts/}, embedded as subsets into one document, and a filter that replaces
 * characters the fonts cannot draw, so odd input never aborts a report.
 */
final class ReportFonts {

    private static final String FOLDER = "/dev/vetbench/report/fonts/";
    private static final Map<String, byte[]> FILES = new HashMap<>();

    final PDFont regular;
    final PDFont bold;
    final PDFont mono;
    private final Map<PDFont, Map<Integer, Boolean>> drawable = new HashMap<>();

    private ReportFonts(PDFont regular, PDFont bold, PDFont mono) {
        this.regular = regular;
        this.bold = bold;
        this.mono = mono;
    }

    static ReportFonts embedInto(PDDocument document) throws IOException {
        return new ReportFonts(load(document, "DejaVuSans.ttf"), load(document, "DejaVuSans-Bold.ttf"),
            load(document, "DejaVuSansMono.ttf"));
    }

    private static PDFont load(PDDocument document, String file) throws IOException {
        return PDType0Font.load(document, new ByteArrayInputStream(bytes(file)), true);
    }

    private static synchronized byte[] bytes(String file) throws IOException {
        byte[] cached = FILES.get(file);
        if (cached == null) {
            try (InputStream in = ReportFonts.class.getResourceAsStream(FOLDER + file)) {
                if (in == null) {
                    throw new IOException("font " + file + " is missing from the class path (assets/fonts)");
                }
                cached = in.readAllBytes();
            }
            FILES.put(file, cached);
        }
        return cached;
    }

    /** The text with control characters turned into spaces and characters the font lacks turned into '?'. */
    String printable(PDFont font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            if (Character.isISOControl(codePoint)) {
                out.append(' ');
            } else if (canDraw(font, codePoint)) {
                out.appendCodePoint(codePoint);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    /** The width of a printable text in points. */
    static float width(PDFont font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean canDraw(PDFont font, int codePoint) {
        return drawable.computeIfAbsent(font, f -> new HashMap<>()).computeIfAbsent(codePoint, cp -> {
            try {
                font.encode(new String(Character.toChars(cp)));
                return font.getStringWidth(new String(Character.toChars(cp))) >= 0;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        });
    }
}

package dev.vetbench.report;

import dev.vetbench.checks.Verdict;
import java.awt.Color;

/** Colours and measures of the PDF report, in one place so the pages look like one document. */
final class ReportStyle {

    static final float PAGE_WIDTH = 595.28f;
    static final float PAGE_HEIGHT = 841.89f;
    static final float MARGIN = 56f;
    static final float TOP = PAGE_HEIGHT - 70f;
    static final float BOTTOM = 64f;
    static final float TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;

    static final Color INK = new Color(0x21, 0x25, 0x29);
    static final Color MUTED = new Color(0x5F, 0x67, 0x70);
    static final Color RULE = new Color(0xD5, 0xDA, 0xDF);
    static final Color BRAND = new Color(0x1B, 0x36, 0x5D);
    static final Color BRAND_LIGHT = new Color(0xC9, 0xD8, 0xEC);
    static final Color PANEL = new Color(0xF3, 0xF5, 0xF7);
    static final Color WAIVER_PANEL = new Color(0xFF, 0xF6, 0xE0);
    static final Color WHITE = Color.WHITE;

    static final Color PASS = new Color(0x2E, 0x7D, 0x32);
    static final Color FAIL = new Color(0xC6, 0x28, 0x28);
    static final Color NOT_APPLICABLE = new Color(0x78, 0x90, 0x9C);
    static final Color ERROR = new Color(0xE6, 0x8A, 0x00);
    static final Color NOT_RUN = new Color(0xE4, 0xE7, 0xEB);

    private ReportStyle() {
    }

    static Color colour(Verdict verdict) {
        return switch (verdict) {
            case PASS -> PASS;
            case FAIL -> FAIL;
            case NOT_APPLICABLE -> NOT_APPLICABLE;
            case ERROR -> ERROR;
        };
    }

    /** The label a verdict has on the page: short, and never confusable with another verdict. */
    static String label(Verdict verdict) {
        return switch (verdict) {
            case PASS -> "PASS";
            case FAIL -> "FAIL";
            case NOT_APPLICABLE -> "N/A";
            case ERROR -> "ERROR";
        };
    }
}

package dev.vetbench.report;

import java.awt.Color;
import java.awt.image.BufferedImage;

/** Counts pixels of a rendered page inside a box given in PDF points. */
record PixelCount(int total, int nonWhite, BufferedImage image, int x0, int y0, int x1, int y1) {

    static PixelCount inBox(BufferedImage image, PageBox box, int dpi) {
        float scale = dpi / 72f;
        int x0 = Math.round(box.x() * scale);
        int x1 = Math.min(image.getWidth(), Math.round((box.x() + box.width()) * scale));
        int y0 = Math.round((ReportStyle.PAGE_HEIGHT - box.y() - box.height()) * scale);
        int y1 = Math.min(image.getHeight(), Math.round((ReportStyle.PAGE_HEIGHT - box.y()) * scale));
        int total = 0;
        int nonWhite = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                total++;
                if (!isWhite(image.getRGB(x, y))) {
                    nonWhite++;
                }
            }
        }
        return new PixelCount(total, nonWhite, image, x0, y0, x1, y1);
    }

    private static boolean isWhite(int rgb) {
        Color c = new Color(rgb);
        return c.getRed() > 245 && c.getGreen() > 245 && c.getBlue() > 245;
    }

    double nonWhiteShare() {
        return total == 0 ? 0 : (double) nonWhite / total;
    }

    /** Pixels within a small distance of a colour. */
    int near(Color colour) {
        int count = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                Color c = new Color(image.getRGB(x, y));
                if (Math.abs(c.getRed() - colour.getRed()) < 12 && Math.abs(c.getGreen() - colour.getGreen()) < 12
                        && Math.abs(c.getBlue() - colour.getBlue()) < 12) {
                    count++;
                }
            }
        }
        return count;
    }
}

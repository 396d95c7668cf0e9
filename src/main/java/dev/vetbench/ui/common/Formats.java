package dev.vetbench.ui.common;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** How the window writes sizes, ages and digests. */
public final class Formats {

    private Formats() {
    }

    /** 1536 -> "1.5 KB", 73_600_000 -> "73.6 MB"; -1 -> "unknown". Decimal units, as Docker prints them. */
    public static String size(long bytes) {
        if (bytes < 0) {
            return "unknown";
        }
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    }

    /** How long ago, in the largest whole unit: "just now", "5 minutes ago", "3 days ago", "2 years ago". */
    public static String age(Instant then, Instant now) {
        if (then == null) {
            return "unknown";
        }
        Duration age = Duration.between(then, now);
        if (age.toMinutes() < 1) {
            return "just now";
        }
        long[] limits = {60, 24 * 60, 30L * 24 * 60, 365L * 24 * 60, Long.MAX_VALUE};
        long[] sizes = {1, 60, 24 * 60, 30L * 24 * 60, 365L * 24 * 60};
        String[] names = {"minute", "hour", "day", "month", "year"};
        long minutes = age.toMinutes();
        int i = 0;
        while (minutes >= limits[i]) {
            i++;
        }
        long count = minutes / sizes[i];
        return count + " " + names[i] + (count == 1 ? "" : "s") + " ago";
    }

    /** "sha256:0123456789abcdef..." -> "sha256:0123456789ab", enough to tell versions apart on screen. */
    public static String shortDigest(String digest) {
        if (digest == null || digest.isEmpty()) {
            return "";
        }
        int colon = digest.indexOf(':');
        int end = Math.min(digest.length(), colon + 1 + 12);
        return digest.substring(0, end);
    }
}

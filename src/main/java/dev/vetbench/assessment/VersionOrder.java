package dev.vetbench.assessment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders image versions the way people read them: by repository, then by tag in semantic-version order
 * ({@code 1.9.0 < 1.10.0}, {@code 1.5.0-rc1 < 1.5.0}, a leading {@code v} ignored). Tags that are not versions
 * ({@code latest}, {@code stable}) sort after all versions, alphabetically.
 */
public final class VersionOrder {

    /** Compares tags alone. */
    public static final Comparator<String> TAGS = VersionOrder::compareTags;
    /** Compares image versions: repository, then tag. */
    public static final Comparator<ImageVersion> VERSIONS = Comparator.comparing(ImageVersion::repository)
        .thenComparing(ImageVersion::tag, TAGS);

    private VersionOrder() {
    }

    private static int compareTags(String left, String right) {
        boolean leftIsVersion = looksLikeVersion(left);
        boolean rightIsVersion = looksLikeVersion(right);
        if (leftIsVersion != rightIsVersion) {
            return leftIsVersion ? -1 : 1;
        }
        if (!leftIsVersion) {
            return left.compareTo(right);
        }
        String[] leftParts = splitPreRelease(strip(left));
        String[] rightParts = splitPreRelease(strip(right));
        int core = compareTokens(tokens(leftParts[0]), tokens(rightParts[0]));
        if (core != 0) {
            return core;
        }
        // SemVer 2.0.0 section 11: a pre-release sorts before the release it leads to.
        if (leftParts[1].isEmpty() != rightParts[1].isEmpty()) {
            return leftParts[1].isEmpty() ? 1 : -1;
        }
        return compareTokens(tokens(leftParts[1]), tokens(rightParts[1]));
    }

    private static boolean looksLikeVersion(String tag) {
        String stripped = strip(tag);
        return !stripped.isEmpty() && Character.isDigit(stripped.charAt(0));
    }

    private static String strip(String tag) {
        String withoutBuild = tag.contains("+") ? tag.substring(0, tag.indexOf('+')) : tag;
        return withoutBuild.startsWith("v") || withoutBuild.startsWith("V") ? withoutBuild.substring(1)
            : withoutBuild;
    }

    private static String[] splitPreRelease(String tag) {
        int dash = tag.indexOf('-');
        return dash < 0 ? new String[] {tag, ""} : new String[] {tag.substring(0, dash), tag.substring(dash + 1)};
    }

    /** Splits into runs of digits and runs of other characters, dropping separators. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (char c : text.toCharArray()) {
            boolean separator = c == '.' || c == '-' || c == '_';
            boolean boundary = run.length() > 0
                && Character.isDigit(run.charAt(run.length() - 1)) != Character.isDigit(c);
            if (separator || boundary) {
                flush(run, tokens);
            }
            if (!separator) {
                run.append(c);
            }
        }
        flush(run, tokens);
        return tokens;
    }

    private static void flush(StringBuilder run, List<String> tokens) {
        if (run.length() > 0) {
            tokens.add(run.toString());
            run.setLength(0);
        }
    }

    private static int compareTokens(List<String> left, List<String> right) {
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int order = compareToken(left.get(i), right.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    private static int compareToken(String left, String right) {
        boolean leftNumber = Character.isDigit(left.charAt(0));
        boolean rightNumber = Character.isDigit(right.charAt(0));
        if (leftNumber && rightNumber) {
            String a = left.replaceFirst("^0+(?=.)", "");
            String b = right.replaceFirst("^0+(?=.)", "");
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        if (leftNumber != rightNumber) {
            // SemVer: numeric identifiers have lower precedence than alphanumeric ones.
            return leftNumber ? -1 : 1;
        }
        return left.compareTo(right);
    }
}

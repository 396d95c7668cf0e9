package dev.vetbench.checks.proxy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writes IP addresses the way servers log them and finds them again in log lines. */
final class AddressText {

    private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])(?:\\d{1,3}\\.){3}\\d{1,3}(?![\\d.])");
    // Loose on purpose: anything with two or more colons among hex digits is tried; InetAddress decides.
    private static final Pattern IPV6 = Pattern.compile("(?<![\\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}"
        + "(?:(?<=:)(?:\\d{1,3}\\.){3}\\d{1,3})?(?![\\w:])");

    private AddressText() {
    }

    /** Dotted quad for IPv4; for IPv6 the RFC 5952 form (lower case, longest zero run as {@code ::}). */
    static String format(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xFF) << 8) | (bytes[2 * i + 1] & 0xFF);
        }
        int[] run = longestZeroRun(groups);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == run[0]) {
                text.append(i == 0 ? "::" : ":");
                i += run[1] - 1;
                continue;
            }
            text.append(Integer.toHexString(groups[i]));
            if (i < 7) {
                text.append(':');
            }
        }
        return text.toString();
    }

    /** Every IPv4 and IPv6 address in the line, in the order they appear. */
    static List<InetAddress> findAll(String line) {
        List<int[]> spans = new ArrayList<>();
        List<InetAddress> found = new ArrayList<>();
        for (Pattern pattern : List.of(IPV6, IPV4)) {
            Matcher matcher = pattern.matcher(line);
            while (matcher.find()) {
                int start = matcher.start();
                int end = matcher.end();
                boolean inside = spans.stream().anyMatch(span -> start >= span[0] && end <= span[1]);
                Optional<InetAddress> address = parse(matcher.group());
                if (!inside && address.isPresent()) {
                    spans.add(new int[] {start, end});
                    found.add(address.get());
                }
            }
        }
        return order(spans, found);
    }

    /** A literal address, never a name lookup. */
    static Optional<InetAddress> parse(String literal) {
        if (literal.isEmpty() || !literal.matches("[0-9A-Fa-f:.]+")
            || (literal.contains(":") && literal.chars().filter(c -> c == ':').count() < 2)) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static List<InetAddress> order(List<int[]> spans, List<InetAddress> found) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            indexes.add(i);
        }
        indexes.sort((a, b) -> Integer.compare(spans.get(a)[0], spans.get(b)[0]));
        return indexes.stream().map(found::get).toList();
    }

    private static int[] longestZeroRun(int[] groups) {
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < groups.length; i++) {
            int length = 0;
            while (i + length < groups.length && groups[i + length] == 0) {
                length++;
            }
            // RFC 5952 section 4.2.2: a single zero group is not shortened; the first longest run wins.
            if (length > bestLength && length > 1) {
                bestStart = i;
                bestLength = length;
            }
        }
        return new int[] {bestStart, bestLength};
    }
}

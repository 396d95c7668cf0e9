package dev.vetbench.cli;

import dev.vetbench.checks.CheckTarget;
import dev.vetbench.tls.StartTls;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code HOST:PORT} and {@code [IPv6]:PORT} as typed on the command line. */
final class Endpoints {

    private static final Pattern BRACKETED = Pattern.compile("\\[([0-9A-Fa-f:.%a-zA-Z]+)]:(\\d{1,5})");
    private static final Pattern PLAIN = Pattern.compile("([^:\\s\\[\\]]+):(\\d{1,5})");

    private Endpoints() {
    }

    static Optional<CheckTarget> parse(String text, StartTls startTls) {
        Matcher matcher = BRACKETED.matcher(text.trim());
        if (!matcher.matches()) {
            matcher = PLAIN.matcher(text.trim());
            if (!matcher.matches()) {
                return Optional.empty();
            }
        }
        int port = Integer.parseInt(matcher.group(2));
        if (port < 1 || port > 65_535) {
            return Optional.empty();
        }
        return Optional.of(CheckTarget.of(matcher.group(1), port, startTls));
    }
}

package dev.vetbench.checks;

import java.util.Objects;

/**
 * Something a check noticed beside its verdict, with its own severity, e.g. "the port also serves clients that send
 * no PROXY header". A finding never changes the verdict; reports list findings under the verdict they belong to.
 *
 * @param id a short stable id, e.g. {@code proxy-header-trusted-from-any-source}
 * @param severity how much it matters
 * @param summary one sentence for people
 */
public record Finding(String id, Severity severity, String summary) {

    /** How much a finding matters, lowest first. */
    public enum Severity {
        INFO,
        LOW,
        MEDIUM,
        HIGH
    }

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(summary, "summary");
    }

    @Override
    public String toString() {
        return severity + " " + id + ": " + summary;
    }
}

package dev.vetbench.ui.checks;

/**
 * A check as the matrix lists it.
 *
 * @param id the registry id, e.g. {@code heartbleed}
 * @param title for people, e.g. "Heartbleed (CVE-2014-0160)"
 * @param hipaaReference e.g. "164.312(e)(1)"
 */
public record CheckInfo(String id, String title, String hipaaReference) {
}

package dev.vetbench.docker;

import java.util.List;

/**
 * A short-lived helper container that ran to its end.
 *
 * @param exitCode the command's exit code
 * @param output its log lines, stdout and stderr together
 */
public record CompletedRun(int exitCode, List<String> output) {

    public CompletedRun {
        output = List.copyOf(output);
    }
}

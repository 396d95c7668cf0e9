package dev.vetbench.app;

import dev.vetbench.cli.VetbenchCommand;

/** Runs one command of the headless command line and returns its exit code. */
final class CommandLineLauncher {

    private CommandLineLauncher() {
    }

    static int run(String[] args) {
        return VetbenchCommand.execute(args);
    }
}

package dev.vetbench.app;

/**
 * Starts Vetbench: the window when called without arguments, the command line otherwise.
 *
 * <p>This class deliberately does not extend {@code javafx.application.Application}, so the application starts from
 * a plain class path without the JavaFX launcher checks.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            WorkbenchLauncher.launch(args);
        } else {
            System.exit(CommandLineLauncher.run(args));
        }
    }
}

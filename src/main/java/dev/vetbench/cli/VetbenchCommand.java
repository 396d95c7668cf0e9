package dev.vetbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vetbench} command; each subcommand is a thin layer over the engine services the window uses. */
@Command(
    name = "vetbench",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Container security assessments: Heartbleed, TLS downgrade protection, PROXY protocol "
        + "and encryption at rest, with signed reports.",
    subcommands = {
        CommandLine.HelpCommand.class,
        AssessCommand.class,
        ReportCommand.class,
        VerifyCommand.class,
        KeygenCommand.class,
    })
public final class VetbenchCommand {

    /** Exit code when the command did its job and found nothing to report. */
    public static final int OK = 0;
    /** Exit code when a check found something. */
    public static final int FINDINGS = 1;
    /** Exit code when the command could not do its job. */
    public static final int COULD_NOT_RUN = 2;

    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new VetbenchCommand());
        // picocli already answers invalid input with 2 (ExitCode.USAGE); an unexpected exception is "could not run"
        // too, said in one sentence rather than as a stack trace.
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            cmd.getErr().println("vetbench: " + exception.getMessage());
            return COULD_NOT_RUN;
        });
        return commandLine.execute(args);
    }
}

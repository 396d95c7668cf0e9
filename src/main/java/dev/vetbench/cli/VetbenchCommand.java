package dev.vetbench.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code vetbench} command; each subcommand is a thin layer over the engine services the window uses. */
@Command(
    name = "vetbench",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Container security assessments: Heartbleed, TLS downgrade protection, PROXY protocol "
        + "and encryption at rest, with signed reports.",
    subcommands = {CheckCommand.class, InfoCommand.class, ImagesCommand.class, PullCommand.class,
        AssessCommand.class, ReportCommand.class, VerifyCommand.class, KeygenCommand.class,
        CommandLine.HelpCommand.class})
public final class VetbenchCommand {

    /** Exit code when the command did its job and found nothing to report. */
    public static final int OK = 0;
    /** Exit code when a check found something. */
    public static final int FINDINGS = 1;
    /** Exit code when the command could not do its job. */
    public static final int COULD_NOT_RUN = 2;

    @Option(names = "--host", scope = ScopeType.INHERIT, paramLabel = "HOST", description = "Docker engine: "
        + "unix:///path/docker.sock or tcp://host:port (default: DOCKER_HOST, the current Docker context, or the "
        + "local socket).")
    private String host;

    @Option(names = "--tls-certs", scope = ScopeType.INHERIT, paramLabel = "DIR", description = "Speak TLS to a "
        + "tcp --host with ca.pem, cert.pem and key.pem from DIR.")
    private Path tlsCertificates;

    /** The {@code --host} value, or {@code null} to find the engine as the docker CLI does. */
    String host() {
        return host;
    }

    /** The {@code --tls-certs} directory, or {@code null} for no TLS. */
    Path tlsCertificates() {
        return tlsCertificates;
    }

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

package dev.vetbench.cli;

import dev.vetbench.docker.CancellationToken;
import dev.vetbench.docker.DockerConnection;
import dev.vetbench.docker.DockerException;
import dev.vetbench.docker.ImageRef;
import dev.vetbench.docker.ImageVersion;
import dev.vetbench.docker.PullProgress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vetbench pull}: brings an image version onto the Docker host, with progress on stderr. */
@Command(name = "pull", description = "Pull an image version onto the Docker host; progress goes to stderr.")
final class PullCommand implements Callable<Integer> {

    @ParentCommand
    private VetbenchCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "IMAGE:TAG", description = "e.g. 127.0.0.1:5055/medivendor/frontend:1.5.0")
    private String image;

    @Option(names = "--username", description = "Registry user name.")
    private String username;

    @Option(names = "--password-file", paramLabel = "FILE", description = "File whose first line is the registry "
        + "password (never given on the command line).")
    private Path passwordFile;

    @Override
    public Integer call() {
        try (DockerConnection docker = DockerCommandSupport.connect(root)) {
            ImageRef ref = ImageRef.parse(image);
            ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr());
            ImageVersion pulled = docker.pull(ref, DockerCommandSupport.credentials(username, passwordFile),
                progress::print, CancellationToken.none());
            PrintWriter out = spec.commandLine().getOut();
            out.println("Pulled " + pulled.reference() + " (" + pulled.digest() + ")");
            out.flush();
            return VetbenchCommand.OK;
        } catch (DockerException e) {
            return DockerCommandSupport.fail(spec, e);
        }
    }

    /** One line per layer each time its status changes, so the output stays readable in a CI log. */
    private static final class ProgressPrinter {
        private final PrintWriter err;
        private final Map<String, String> lastStatus = new HashMap<>();

        ProgressPrinter(PrintWriter err) {
            this.err = err;
        }

        synchronized void print(PullProgress event) {
            String status = event.status();
            if (status.equals(lastStatus.put(event.layerId(), status))) {
                return;
            }
            String bytes = event.total() > 0 ? " (" + event.current() + "/" + event.total() + " bytes)" : "";
            err.println(event.layerId().isEmpty() ? status : event.layerId() + ": " + status + bytes);
            err.flush();
        }
    }
}

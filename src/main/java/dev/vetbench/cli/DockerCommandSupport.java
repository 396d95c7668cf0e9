package dev.vetbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.vetbench.docker.DockerConnection;
import dev.vetbench.docker.DockerException;
import dev.vetbench.docker.DockerHostSpec;
import dev.vetbench.docker.RegistryCredentials;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/** What the Docker commands share: finding the host, reading credentials, and reporting failures. */
final class DockerCommandSupport {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(SerializationFeature.INDENT_OUTPUT);

    private DockerCommandSupport() {
    }

    /** Connects to the host named by {@code --host}, else the one DOCKER_HOST or the Docker context names. */
    static DockerConnection connect(VetbenchCommand root) {
        if (root.host() == null) {
            return DockerConnection.connect();
        }
        return DockerConnection.connect(DockerHostSpec.parse(root.host(), root.tlsCertificates()).withOrigin("--host"));
    }

    /**
     * The credentials from {@code --username} and {@code --password-file}, or {@code null} for anonymous access.
     *
     * @throws DockerException when only one of the two is given or the file cannot be read
     */
    static RegistryCredentials credentials(String username, Path passwordFile) {
        if (username == null && passwordFile == null) {
            return null;
        }
        if (username == null || passwordFile == null) {
            throw new DockerException(DockerException.Reason.FAILED,
                "Give both --username and --password-file, or neither for anonymous access.", null);
        }
        return RegistryCredentials.withPasswordFile(username, passwordFile);
    }

    /** Prints the failure as one sentence, then the container's last log lines if there are any. */
    static int fail(CommandSpec spec, DockerException failure) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("vetbench: " + failure.getMessage());
        for (String line : failure.logTail()) {
            err.println("    " + line);
        }
        err.flush();
        return VetbenchCommand.COULD_NOT_RUN;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON", e);
        }
    }
}

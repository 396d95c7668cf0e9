package dev.vetbench.cli;

import dev.vetbench.docker.DockerConnection;
import dev.vetbench.docker.DockerException;
import dev.vetbench.docker.ImageVersion;
import dev.vetbench.docker.RegistryClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vetbench images}: image versions on the Docker host or in a registry. */
@Command(name = "images", description = "List image versions (tag, digest, size, age) on the Docker host, or in a "
    + "registry with --registry.")
final class ImagesCommand implements Callable<Integer> {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
        .withZone(ZoneOffset.UTC);

    @ParentCommand
    private VetbenchCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "REPOSITORY", description = "Only this repository, e.g. "
        + "medivendor/frontend.")
    private String repository;

    @Option(names = "--registry", paramLabel = "URL", description = "Read the registry at URL (https://host:port, "
        + "http://host:port, or host:port) instead of the Docker host.")
    private String registry;

    @Option(names = "--username", description = "Registry user name.")
    private String username;

    @Option(names = "--password-file", paramLabel = "FILE", description = "File whose first line is the registry "
        + "password (never given on the command line).")
    private Path passwordFile;

    @Option(names = "--ca-file", paramLabel = "FILE", description = "PEM file with the registry's CA certificate.")
    private Path caFile;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    private boolean json;

    @Override
    public Integer call() {
        try {
            List<ImageVersion> versions = registry == null ? fromHost() : fromRegistry();
            print(versions);
            return VetbenchCommand.OK;
        } catch (DockerException e) {
            return DockerCommandSupport.fail(spec, e);
        }
    }

    private List<ImageVersion> fromHost() {
        try (DockerConnection docker = DockerCommandSupport.connect(root)) {
            return docker.images(repository);
        }
    }

    private List<ImageVersion> fromRegistry() {
        RegistryClient client = RegistryClient.open(registry,
            DockerCommandSupport.credentials(username, passwordFile), caFile);
        List<String> repositories = repository == null ? client.repositories() : List.of(repository);
        List<ImageVersion> versions = new ArrayList<>();
        for (String name : repositories) {
            versions.addAll(client.versions(name));
        }
        return versions;
    }

    private void print(List<ImageVersion> versions) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(DockerCommandSupport.json(versions));
            out.flush();
            return;
        }
        int tagWidth = Math.max(3, versions.stream().mapToInt(version -> version.tag().length()).max().orElse(3));
        String format = "%-" + width(versions) + "s  %-" + tagWidth + "s  %-19s  %9s  %s%n";
        out.printf(Locale.ROOT, format, "REPOSITORY", "TAG", "DIGEST", "SIZE", "CREATED (UTC)");
        for (ImageVersion version : versions) {
            out.printf(Locale.ROOT, format, version.repository(), version.tag(), shortDigest(version.digest()),
                size(version.sizeBytes()), version.created() == null ? "-" : CREATED.format(version.created()));
        }
        out.flush();
    }

    private static int width(List<ImageVersion> versions) {
        return versions.stream().mapToInt(version -> version.repository().length()).max().orElse(10);
    }

    private static String shortDigest(String digest) {
        return digest.length() > 19 ? digest.substring(0, 19) : digest;
    }

    private static String size(long bytes) {
        if (bytes < 0) {
            return "-";
        }
        return bytes >= 1_000_000 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1e6)
            : String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
    }
}

package dev.vetbench.testbed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Writes Docker CLI contexts into a config directory in the layout `docker context create` leaves behind. */
public final class DockerContextFiles {

    /** The TLS files a context may carry. */
    public static final List<String> PEM_FILES = List.of("ca.pem", "cert.pem", "key.pem");

    private DockerContextFiles() {
    }

    /**
     * Writes {@code contexts/meta/<id>/meta.json} and, when {@code tlsFrom} is given, copies its PEM files to
     * {@code contexts/tls/<id>/docker/}.
     *
     * @return the context's TLS directory, or null without TLS
     */
    public static Path write(Path config, String name, String description, String host, Path tlsFrom)
            throws IOException {
        String id = id(name);
        Path meta = Files.createDirectories(config.resolve("contexts/meta/" + id));
        String metadata = description.isEmpty() ? "{}" : "{\"Description\":\"" + description + "\"}";
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"" + name + "\",\"Metadata\":" + metadata
            + ",\"Endpoints\":{\"docker\":{\"Host\":\"" + host + "\",\"SkipTLSVerify\":false}}}");
        if (tlsFrom == null) {
            return null;
        }
        Path directory = Files.createDirectories(config.resolve("contexts/tls/" + id + "/docker"));
        for (String file : PEM_FILES) {
            Files.copy(tlsFrom.resolve(file), directory.resolve(file));
        }
        return directory;
    }

    /** The directory name the docker CLI gives a context: the SHA-256 of its name. */
    public static String id(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

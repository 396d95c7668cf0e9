package dev.vetbench.ui.host;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a Docker engine is expected.
 *
 * @param uri e.g. {@code unix:///var/run/docker.sock} or {@code tcp://10.0.0.5:2376}
 * @param tlsCertDirectory the directory with ca.pem, cert.pem and key.pem for tcp with TLS, or null
 * @param source where the address came from, for people: "DOCKER_HOST", "Docker context ci", "entered"
 */
public record HostSpec(String uri, Path tlsCertDirectory, String source) {

    public HostSpec {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(source, "source");
    }

    public static HostSpec entered(String uri, Path tlsCertDirectory) {
        return new HostSpec(uri.strip(), tlsCertDirectory, "entered");
    }

    public boolean usesTls() {
        return tlsCertDirectory != null;
    }
}

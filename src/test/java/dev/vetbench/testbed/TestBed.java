package dev.vetbench.testbed;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The test bed that {@code src/testbed/testbed.sh} prepares: a Docker engine, the fixture images and a registry on
 * loopback. Tests that need it call {@link #requireDocker()} first.
 *
 * <p>In CI ({@code CI=true}) a missing engine fails the test with a clear message; only on a developer machine
 * without Docker does the test skip.
 */
public final class TestBed {

    /** The open registry the test bed starts on loopback. */
    public static final String REGISTRY = env("VETBENCH_TESTBED_REGISTRY", "127.0.0.1:5055");
    /** A second registry that asks for basic authentication. */
    public static final String AUTH_REGISTRY = env("VETBENCH_TESTBED_AUTH_REGISTRY", "127.0.0.1:5056");

    /** The nginx front end: an older version with realistic flaws, and the version that fixes them. */
    public static final String FRONTEND = "medivendor/frontend";
    public static final String FRONTEND_FLAWED = FRONTEND + ":1.4.2";
    public static final String FRONTEND_FIXED = FRONTEND + ":1.5.0";

    /** The PostgreSQL image: a version that keeps its data outside any VOLUME, and one that declares it. */
    public static final String RECORDS_DB = "medivendor/records-db";
    public static final String RECORDS_DB_NO_VOLUME = RECORDS_DB + ":3.1.0";
    public static final String RECORDS_DB_VOLUME = RECORDS_DB + ":3.2.0";

    private TestBed() {
    }

    /** Whether the tests run in CI, where nothing may skip. */
    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Fails (in CI) or skips (elsewhere) the calling test when no Docker engine answers. */
    public static void requireDocker() {
        String problem = dockerProblem();
        if (problem == null) {
            return;
        }
        String message = problem + ". Run `bash src/testbed/testbed.sh` as root to prepare the test bed.";
        if (inCi()) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
    }

    private static String dockerProblem() {
        String host = System.getenv("DOCKER_HOST");
        if (host != null && !host.isBlank() && !host.startsWith("unix://")) {
            return null; // A remote engine: the tests themselves will say if it does not answer.
        }
        Path socket = Path.of(host == null || host.isBlank() ? "/var/run/docker.sock" : host.substring(7));
        if (!Files.exists(socket)) {
            return "No Docker engine: " + socket + " does not exist";
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer reply = ByteBuffer.allocate(64);
            channel.read(reply);
            String head = new String(reply.array(), 0, reply.position(), StandardCharsets.US_ASCII);
            return head.startsWith("HTTP/1.") && head.contains(" 200 ") ? null : "Docker engine at " + socket
                + " did not answer its ping";
        } catch (IOException e) {
            return "No Docker engine answers at " + socket + " (" + e.getMessage() + ")";
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

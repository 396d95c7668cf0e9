package dev.vetbench.tls;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code gnutls-serv} (package gnutls-bin) on a free loopback port, with a throwaway certificate made by
 * {@code certtool}. Started by a test, stopped after it.
 */
public final class GnutlsServer implements AutoCloseable {

    private final Process process;
    private final Path directory;
    private final int port;

    private GnutlsServer(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /** Starts {@code gnutls-serv} with the given extra arguments, e.g. {@code --heartbeat}. */
    public static GnutlsServer start(String... extraArguments) throws Exception {
        requireTool("gnutls-serv");
        Path directory = Files.createTempDirectory("vetbench-gnutls");
        Path key = directory.resolve("key.pem");
        Path cert = directory.resolve("cert.pem");
        Path template = directory.resolve("cert.cfg");
        Files.writeString(template, "cn = localhost\nexpiration_days = 2\ntls_www_server\nsigning_key\n"
            + "encryption_key\n");
        run("certtool", "--generate-privkey", "--key-type=rsa", "--bits=2048", "--outfile", key.toString());
        run("certtool", "--generate-self-signed", "--load-privkey", key.toString(), "--template",
            template.toString(), "--outfile", cert.toString());

        int port = freePort();
        List<String> command = new ArrayList<>(List.of("gnutls-serv", "--x509keyfile", key.toString(),
            "--x509certfile", cert.toString(), "-p", String.valueOf(port)));
        command.addAll(List.of(extraArguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(directory.resolve("server.log").toFile()).start();
        GnutlsServer server = new GnutlsServer(process, directory, port);
        server.awaitListening(Duration.ofSeconds(10));
        return server;
    }

    public int port() {
        return port;
    }

    private void awaitListening(Duration timeout) throws Exception {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    Assertions.fail("gnutls-serv exited: " + Files.readString(directory.resolve("server.log")));
                }
                Thread.sleep(50);
            }
        }
        close();
        Assertions.fail("gnutls-serv did not listen on port " + port + " within " + timeout);
    }

    static void requireTool(String tool) {
        boolean present = Files.isExecutable(Path.of("/usr/bin", tool));
        String message = tool + " is not installed; run `apt-get install gnutls-bin`.";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.assertTrue(present, message);
        }
        Assumptions.assumeTrue(present, message);
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            Assertions.fail(String.join(" ", command) + " failed: " + new String(output));
        }
    }

    /** A port nothing listens on right now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(directory);
    }
}

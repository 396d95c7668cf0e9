package dev.vetbench.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * Endpoints that are not Docker engines, for the bad-input tests: a unix socket speaking SSH, a TLS server with a
 * certificate no client trusts, and certificate material made with openssl.
 */
final class FakeEndpoints {

    private FakeEndpoints() {
    }

    /** A unix socket that greets every client as an SSH server would, then hangs up. */
    static AutoCloseable sshLikeUnixSocket(Path socket) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread thread = new Thread(() -> {
            while (server.isOpen()) {
                try (SocketChannel client = server.accept()) {
                    client.write(ByteBuffer.wrap("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n"
                        .getBytes(StandardCharsets.US_ASCII)));
                } catch (IOException e) {
                    return;
                }
            }
        }, "fake-ssh-socket");
        thread.setDaemon(true);
        thread.start();
        return () -> {
            server.close();
            Files.deleteIfExists(socket);
        };
    }

    /** A TLS server on loopback whose certificate (from {@code serverKeyStore}) no Docker CA signed. */
    static ServerSocket tlsServer(Path serverKeyStore) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(serverKeyStore)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
            .createServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
                    client.setSoTimeout(5_000);
                    client.getInputStream().read();
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    if (server.isClosed()) {
                        return;
                    }
                }
            }
        }, "fake-tls-engine");
        thread.setDaemon(true);
        thread.start();
        return server;
    }

    /**
     * Makes with openssl: a CA with a client certificate in {@code certs} (ca.pem, cert.pem, key.pem, as DOCKER_CERT_PATH
     * holds them), and an unrelated self-signed server certificate in {@code server.p12}.
     */
    static void makeCertificates(Path directory) throws IOException, InterruptedException {
        Path certs = Files.createDirectories(directory.resolve("certs"));
        run(directory, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
            "/CN=client-ca", "-keyout", "ca-key.pem", "-out", certs.resolve("ca.pem").toString());
        run(directory, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=client", "-keyout",
            certs.resolve("key.pem").toString(), "-out", "client.csr");
        run(directory, "openssl", "x509", "-req", "-in", "client.csr", "-CA", certs.resolve("ca.pem").toString(),
            "-CAkey", "ca-key.pem", "-CAcreateserial", "-days", "2", "-out", certs.resolve("cert.pem").toString());
        run(directory, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
            "/CN=not-docker", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", "server-key.pem",
            "-out", "server.pem");
        run(directory, "openssl", "pkcs12", "-export", "-in", "server.pem", "-inkey", "server-key.pem",
            "-passout", "pass:changeit", "-out", "server.p12");
    }

    private static void run(Path directory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).directory(directory.toFile())
            .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }
}

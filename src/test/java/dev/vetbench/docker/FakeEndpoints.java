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
import java.security.cert.CertificateFactory;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;

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
     * Makes with openssl: a CA with a client certificate in {@code certs} (ca.pem, cert.pem, key.pem, as
     * DOCKER_CERT_PATH holds them), and an unrelated self-signed server certificate in {@code server.p12}.
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

    /**
     * Makes with openssl a CA that signs both an engine certificate for 127.0.0.1 ({@code engine.p12}) and a client
     * certificate, the latter laid out as DOCKER_CERT_PATH holds it ({@code client/ca.pem, cert.pem, key.pem}).
     */
    static void makeMutualTlsCertificates(Path directory) throws IOException, InterruptedException {
        Path client = Files.createDirectories(directory.resolve("client"));
        run(directory, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
            "/CN=engine-ca", "-keyout", "ca-key.pem", "-out", client.resolve("ca.pem").toString());
        run(directory, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", "engine-key.pem", "-out", "engine.csr");
        Files.writeString(directory.resolve("engine.ext"), "subjectAltName=IP:127.0.0.1\n");
        run(directory, "openssl", "x509", "-req", "-in", "engine.csr", "-CA", client.resolve("ca.pem").toString(),
            "-CAkey", "ca-key.pem", "-CAcreateserial", "-days", "2", "-extfile", "engine.ext", "-out", "engine.pem");
        run(directory, "openssl", "pkcs12", "-export", "-in", "engine.pem", "-inkey", "engine-key.pem",
            "-passout", "pass:changeit", "-out", "engine.p12");
        run(directory, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=assessor", "-keyout",
            client.resolve("key.pem").toString(), "-out", "client.csr");
        Files.writeString(directory.resolve("client.ext"), "extendedKeyUsage=clientAuth\n");
        run(directory, "openssl", "x509", "-req", "-in", "client.csr", "-CA", client.resolve("ca.pem").toString(),
            "-CAkey", "ca-key.pem", "-CAcreateserial", "-days", "2", "-extfile", "client.ext",
            "-out", client.resolve("cert.pem").toString());
    }

    /**
     * The real engine behind mutual TLS, as {@code dockerd --tlsverify} serves it: a TLS server on loopback that
     * demands a client certificate from {@code caPem}'s authority and relays each connection to the local socket.
     */
    static ServerSocket mutualTlsProxy(Path serverKeyStore, Path caPem, Path engineSocket) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(serverKeyStore)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keyFactory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyFactory.init(keys, "changeit".toCharArray());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(caPem)) {
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trustFactory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustFactory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyFactory.getKeyManagers(), trustFactory.getTrustManagers(), null);
        SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
            .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setNeedClientAuth(true);
        daemon("fake-tls-engine-accept", () -> {
            while (!server.isClosed()) {
                try {
                    relay(server.accept(), engineSocket);
                } catch (IOException e) {
                    return;
                }
            }
        });
        return server;
    }

    private static void relay(Socket client, Path engineSocket) throws IOException {
        SocketChannel engine = SocketChannel.open(StandardProtocolFamily.UNIX);
        engine.connect(UnixDomainSocketAddress.of(engineSocket));
        // Channel reads and writes directly: stream wrappers of one channel would block each other.
        daemon("relay-up", () -> pump(() -> {
            byte[] buffer = new byte[16 * 1024];
            int n = client.getInputStream().read(buffer);
            if (n > 0) {
                ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
                while (bytes.hasRemaining()) {
                    engine.write(bytes);
                }
            }
            return n;
        }, client, engine));
        daemon("relay-down", () -> pump(() -> {
            ByteBuffer bytes = ByteBuffer.allocate(16 * 1024);
            int n = engine.read(bytes);
            if (n > 0) {
                client.getOutputStream().write(bytes.array(), 0, n);
                client.getOutputStream().flush();
            }
            return n;
        }, client, engine));
    }

    /** Copies one chunk; returns what it copied, or -1 at the end of the stream. */
    private interface Chunk {
        int copy() throws IOException;
    }

    private static void pump(Chunk chunk, Socket client, SocketChannel engine) {
        try {
            while (chunk.copy() >= 0) {
                // Keep copying until one side ends.
            }
        } catch (IOException e) {
            // One side went away (or the handshake failed); close both below.
        } finally {
            try {
                client.close();
                engine.close();
            } catch (IOException e) {
                // Already closed.
            }
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
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

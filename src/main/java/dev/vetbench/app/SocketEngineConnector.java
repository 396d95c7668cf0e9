package dev.vetbench.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vetbench.ui.host.EngineConnector;
import dev.vetbench.ui.host.EngineSummary;
import dev.vetbench.ui.host.EngineUnavailableException;
import dev.vetbench.ui.host.HostSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reads an engine's version and system information over the Docker Engine API ({@code GET /version},
 * {@code GET /info}) on a unix socket or plain tcp.
 *
 * <p>Limitation: this is the window's stand-in until the {@code docker} package (issue 2) lands; it speaks plain
 * HTTP/1.0 and does not do tcp with TLS client certificates. The wiring switches to the docker package then.
 */
final class SocketEngineConnector implements EngineConnector {

    private static final int TIMEOUT_SECONDS = 5;
    private static final int MAX_REPLY_BYTES = 1 << 20;
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "vetbench-engine-deadline");
        thread.setDaemon(true);
        return thread;
    });

    private final DockerEndpoints endpoints;
    private final ObjectMapper json = new ObjectMapper();

    SocketEngineConnector(DockerEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public HostSpec defaultHost() {
        return endpoints.defaultHost();
    }

    @Override
    public EngineSummary connect(HostSpec host) throws EngineUnavailableException {
        URI uri = parse(host);
        if (host.usesTls()) {
            throw new EngineUnavailableException("This build cannot yet connect to " + host.uri()
                + " with TLS client certificates. Use the local socket or a plain tcp host.", null);
        }
        JsonNode version = get(host, uri, "/version");
        if (!version.hasNonNull("ApiVersion")) {
            throw new EngineUnavailableException(host.uri() + " answers, but not as a Docker engine. "
                + "Check the address.", null);
        }
        JsonNode info = get(host, uri, "/info");
        return new EngineSummary(host, version.path("Version").asText("?"), version.path("ApiVersion").asText("?"),
            info.path("OperatingSystem").asText(version.path("Os").asText("?")),
            info.path("KernelVersion").asText(version.path("KernelVersion").asText("?")),
            info.path("Architecture").asText(version.path("Arch").asText("?")),
            info.path("Driver").asText("?"), info.path("Name").asText("?"));
    }

    private static URI parse(HostSpec host) throws EngineUnavailableException {
        try {
            URI uri = URI.create(host.uri());
            if ("unix".equals(uri.getScheme()) && uri.getPath() != null && !uri.getPath().isEmpty()) {
                return uri;
            }
            if ("tcp".equals(uri.getScheme()) && uri.getHost() != null && uri.getPort() > 0) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // Reported below with an example of what works.
        }
        throw new EngineUnavailableException("\"" + host.uri() + "\" is not a Docker host address. Use "
            + "unix:///var/run/docker.sock or tcp://HOST:PORT.", null);
    }

    /** {@code GET path} on the engine, e.g. {@code /images/json}, parsed as JSON. */
    JsonNode get(HostSpec host, String path) throws EngineUnavailableException {
        return get(host, parse(host), path);
    }

    private JsonNode get(HostSpec host, URI uri, String path) throws EngineUnavailableException {
        byte[] request = ("GET " + path + " HTTP/1.0\r\nHost: docker\r\nUser-Agent: Vetbench\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
        try {
            byte[] reply = "unix".equals(uri.getScheme()) ? exchangeUnix(Path.of(uri.getPath()), request)
                : exchangeTcp(uri, request);
            return json.readTree(body(host, reply));
        } catch (IOException e) {
            throw unavailable(host, uri, e);
        }
    }

    private static byte[] exchangeUnix(Path socket, byte[] request) throws IOException {
        if (!Files.exists(socket)) {
            throw new ConnectException("no socket at " + socket);
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            // A unix channel has no read timeout: close it at the deadline, which ends a blocked read.
            ScheduledFuture<?> deadline = DEADLINES.schedule(() -> closeQuietly(channel), TIMEOUT_SECONDS,
                TimeUnit.SECONDS);
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
                channel.write(ByteBuffer.wrap(request));
                return readAll(Channels.newInputStream(channel));
            } catch (AsynchronousCloseException e) {
                throw new SocketTimeoutException("no answer within " + TIMEOUT_SECONDS + " s");
            } finally {
                deadline.cancel(false);
            }
        }
    }

    private static byte[] exchangeTcp(URI uri, byte[] request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), TIMEOUT_SECONDS * 1000);
            socket.setSoTimeout(TIMEOUT_SECONDS * 1000);
            socket.getOutputStream().write(request);
            return readAll(socket.getInputStream());
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            if (out.size() > MAX_REPLY_BYTES) {
                throw new IOException("reply larger than " + MAX_REPLY_BYTES + " bytes");
            }
        }
        return out.toByteArray();
    }

    private static byte[] body(HostSpec host, byte[] reply) throws EngineUnavailableException {
        String text = new String(reply, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.") || end < 0) {
            throw new EngineUnavailableException(host.uri() + " answers, but not as a Docker engine. "
                + "Check the address.", null);
        }
        if (!text.startsWith(" 200", text.indexOf(' ') >= 0 ? text.indexOf(' ') : 0)) {
            String status = text.substring(0, text.indexOf("\r\n"));
            throw new EngineUnavailableException("The Docker engine at " + host.uri() + " refused the request ("
                + status + "). Check that it is a Docker engine and that you may use it.", null);
        }
        return Arrays.copyOfRange(reply, end + 4, reply.length);
    }

    private static EngineUnavailableException unavailable(HostSpec host, URI uri, IOException e) {
        if (e instanceof AccessDeniedException || String.valueOf(e.getMessage()).contains("Permission denied")) {
            return new EngineUnavailableException("Vetbench may not use " + host.uri() + ". Add your user to "
                + "the docker group (sudo usermod -aG docker $USER), log in again, then reconnect.", e);
        }
        if (e instanceof SocketTimeoutException) {
            return new EngineUnavailableException("The Docker engine at " + host.uri() + " did not answer within "
                + TIMEOUT_SECONDS + " seconds. Check that it is running, or enter another host below.", e);
        }
        if ("unix".equals(uri.getScheme())) {
            return new EngineUnavailableException("No Docker engine answers at " + host.uri() + ". Start Docker "
                + "(sudo systemctl start docker) or enter a host below.", e);
        }
        return new EngineUnavailableException("No Docker engine answers at " + host.uri() + ". Check that the "
            + "engine listens there and that no firewall is in the way, or enter another host below.", e);
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing only to end a read at its deadline; nothing else to do.
        }
    }
}

package dev.vetbench.checks.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Sends one HTTP request the way a client behind a PROXY-protocol balancer arrives: the header first on the TCP
 * connection, then (for HTTPS) the TLS handshake layered over the same socket, then a {@code GET} for a path that
 * is unique to this run so the access-log line can be found again.
 *
 * <p>Every read and the connect are bounded by {@code timeout}; a response is read only as far as its status line.
 */
public final class ProxiedRequest {

    private static final int MAX_STATUS_LINE = 1024;

    private final InetSocketAddress endpoint;
    private final boolean tls;
    private final Duration timeout;

    /**
     * @param endpoint where the target's port is reachable
     * @param tls whether to speak HTTPS after the header
     * @param timeout bound for the connect and for each read
     */
    public ProxiedRequest(InetSocketAddress endpoint, boolean tls, Duration timeout) {
        this.endpoint = endpoint;
        this.tls = tls;
        this.timeout = timeout;
    }

    /**
     * Sends {@code header} (or nothing when empty) and then {@code GET path}.
     *
     * @return the status line, or why there was none; never throws for what the server does
     */
    public RequestOutcome send(Optional<ProxyHeader> header, String path) {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(endpoint, timeoutMillis());
            socket.setSoTimeout(timeoutMillis());
            if (header.isPresent()) {
                socket.getOutputStream().write(header.get().encode());
                socket.getOutputStream().flush();
            }
            Socket channel = tls ? handshake(socket) : socket;
            return exchange(channel, path, start);
        } catch (ConnectException e) {
            return new RequestOutcome.Rejected("connection refused by " + endpoint, true, since(start));
        } catch (SocketTimeoutException e) {
            return rejected("no answer within " + timeout.toMillis() + " ms", start);
        } catch (SSLException e) {
            return rejected("TLS handshake failed (" + e.getMessage() + ")", start);
        } catch (SocketException e) {
            return rejected("connection reset or closed (" + e.getMessage() + ")", start);
        } catch (IOException e) {
            return rejected("I/O error (" + e.getMessage() + ")", start);
        }
    }

    private RequestOutcome exchange(Socket channel, String path, long start) throws IOException {
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + endpoint.getHostString() + "\r\n"
            + "User-Agent: vetbench-proxy-protocol-check\r\nAccept: */*\r\nConnection: close\r\n\r\n";
        OutputStream out = channel.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();

        String status = readLine(channel.getInputStream());
        if (status.isEmpty()) {
            return rejected("connection closed before any response", start);
        }
        if (!status.startsWith("HTTP/")) {
            return rejected("answer is not HTTP: \"" + printable(status) + "\"", start);
        }
        return new RequestOutcome.Served(status, since(start));
    }

    // The JDK's TLS client is layered over the socket that already carried the header (autoClose: the outer
    // socket closes with it). We check what the server logs, not its certificate, so any certificate is accepted.
    private Socket handshake(Socket socket) throws IOException {
        SSLSocket ssl = (SSLSocket) trustAll().getSocketFactory()
            .createSocket(socket, endpoint.getHostString(), endpoint.getPort(), true);
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm(null);
        ssl.setSSLParameters(parameters);
        ssl.setSoTimeout(timeoutMillis());
        ssl.startHandshake();
        return ssl;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n' && line.size() < MAX_STATUS_LINE) {
            line.write(b);
        }
        return line.toString(StandardCharsets.ISO_8859_1).strip();
    }

    private static String printable(String text) {
        String cleaned = text.replaceAll("[^\\x20-\\x7E]", "?");
        return cleaned.length() > 60 ? cleaned.substring(0, 60) + "..." : cleaned;
    }

    private RequestOutcome rejected(String reason, long start) {
        return new RequestOutcome.Rejected(reason, false, since(start));
    }

    private int timeoutMillis() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static SSLContext trustAll() throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AcceptAnyCertificate()}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("the JDK offers no TLS client", e);
        }
    }

    /** Accepts every server certificate: this check is about logs, and the fixtures use self-signed ones. */
    private static final class AcceptAnyCertificate implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // Never called: we are the client.
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // Deliberately accepts any certificate; see the class comment.
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}

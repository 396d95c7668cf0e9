package dev.vetbench.tls;

import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A TCP connection whose every read is bounded: a per-read timeout, a total byte budget, and a watchdog that closes
 * the socket at the probe's deadline or when the caller cancels (so a server sending one byte per second cannot
 * stretch a probe past its deadline).
 */
public final class BoundedConnection implements Closeable {

    private static final byte[] SSL_REQUEST = {0, 0, 0, 8, 0x04, (byte) 0xd2, 0x16, 0x2f};
    private static final long WATCHDOG_PERIOD_MILLIS = 20;
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "vetbench-tls-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final Socket socket;
    private final ProbeLimits limits;
    private final CountingInput input;
    private final OutputStream output;
    private final ScheduledFuture<?> watchdog;
    private final Instant openedAt = Instant.now();
    private volatile ProbeException.Kind closedBecause;

    private BoundedConnection(Socket socket, ProbeLimits limits) throws IOException {
        this.socket = socket;
        this.limits = limits;
        this.input = new CountingInput(socket.getInputStream(), limits.maxBytesRead());
        this.output = socket.getOutputStream();
        this.watchdog = WATCHDOG.scheduleAtFixedRate(this::watch, WATCHDOG_PERIOD_MILLIS, WATCHDOG_PERIOD_MILLIS,
            TimeUnit.MILLISECONDS);
    }

    /**
     * Connects to the endpoint within the limits and, for a STARTTLS endpoint, sends its preamble so that the next
     * byte written is the first TLS record.
     */
    public static BoundedConnection open(TlsEndpoint endpoint, ProbeLimits limits) throws ProbeException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), limits.nextTimeoutMillis());
            socket.setSoTimeout(limits.nextTimeoutMillis());
            BoundedConnection connection = new BoundedConnection(socket, limits);
            connection.startTls(endpoint);
            return connection;
        } catch (ProbeException e) {
            closeQuietly(socket);
            throw e;
        } catch (IOException e) {
            closeQuietly(socket);
            throw connectFailure(endpoint, e);
        }
    }

    public InputStream input() {
        return input;
    }

    public OutputStream output() {
        return output;
    }

    /** Bytes read from the server so far (after any STARTTLS preamble). */
    public long bytesRead() {
        return input.count;
    }

    /** Time since the TCP connection was made. */
    public Duration age() {
        return Duration.between(openedAt, Instant.now());
    }

    public ProbeLimits limits() {
        return limits;
    }

    /** Sets the read timeout for the next reads, never past the deadline. */
    public void readTimeout(Duration timeout) throws IOException {
        long millis = Math.min(timeout.toMillis(), limits.remaining().toMillis());
        socket.setSoTimeout((int) Math.max(1, millis));
    }

    /**
     * Turns a failure while talking to the server into a {@link ProbeException} that says why: the watchdog's
     * reason when it closed the socket, otherwise what the exception shows.
     */
    public ProbeException explain(IOException e, String during) {
        if (e instanceof ProbeException probe) {
            return probe;
        }
        ProbeException.Kind watchdogReason = closedBecause;
        if (watchdogReason == ProbeException.Kind.CANCELLED) {
            return new ProbeException(watchdogReason, "The probe was cancelled " + during + ".", e);
        }
        if (watchdogReason == ProbeException.Kind.TIMEOUT || e instanceof SocketTimeoutException) {
            return new ProbeException(ProbeException.Kind.TIMEOUT, "The server did not answer in time " + during
                + ".", e);
        }
        if (e instanceof EOFException) {
            return new ProbeException(ProbeException.Kind.CONNECTION_RESET, "The server closed the connection "
                + during + ".", e);
        }
        if (e instanceof SocketException) {
            return new ProbeException(ProbeException.Kind.CONNECTION_RESET, "The server reset the connection "
                + during + ".", e);
        }
        return new ProbeException(ProbeException.Kind.PROTOCOL_ERROR, "The exchange failed " + during + " ("
            + e.getClass().getSimpleName() + ").", e);
    }

    @Override
    public void close() {
        watchdog.cancel(false);
        closeQuietly(socket);
    }

    private void watch() {
        if (limits.cancelled().getAsBoolean()) {
            closedBecause = ProbeException.Kind.CANCELLED;
        } else if (!Instant.now().isBefore(limits.deadline())) {
            closedBecause = ProbeException.Kind.TIMEOUT;
        } else {
            return;
        }
        close();
    }

    private void startTls(TlsEndpoint endpoint) throws IOException {
        if (endpoint.startTls() == StartTls.NONE) {
            return;
        }
        output.write(SSL_REQUEST);
        output.flush();
        int answer;
        try {
            answer = input.read();
        } catch (IOException e) {
            throw explain(e, "after the PostgreSQL SSLRequest");
        }
        input.count = 0;
        if (answer == 'N') {
            throw new ProbeException(ProbeException.Kind.STARTTLS_REFUSED,
                "The PostgreSQL server answered the SSLRequest with 'N': it does not offer TLS on this port.");
        }
        if (answer != 'S') {
            throw new ProbeException(ProbeException.Kind.PROTOCOL_ERROR, "The server answered the PostgreSQL "
                + "SSLRequest with " + (answer < 0 ? "a closed connection" : String.format("byte 0x%02x", answer))
                + " instead of 'S'; is this a PostgreSQL port?");
        }
    }

    private static ProbeException connectFailure(TlsEndpoint endpoint, IOException e) {
        if (e instanceof ConnectException) {
            return new ProbeException(ProbeException.Kind.CONNECTION_REFUSED, "Nothing accepts connections on "
                + endpoint + "; check the host, the port and that the service runs.", e);
        }
        if (e instanceof UnknownHostException || e instanceof NoRouteToHostException) {
            return new ProbeException(ProbeException.Kind.UNREACHABLE, "Cannot reach " + endpoint
                + "; check the host name and the network.", e);
        }
        if (e instanceof SocketTimeoutException) {
            return new ProbeException(ProbeException.Kind.TIMEOUT, "Connecting to " + endpoint + " timed out.", e);
        }
        return new ProbeException(ProbeException.Kind.CONNECTION_RESET, "Connecting to " + endpoint
            + " failed (" + e.getClass().getSimpleName() + ").", e);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is best effort; the probe has its answer already.
        }
    }

    /** Counts bytes and refuses to read past the budget. */
    private static final class CountingInput extends FilterInputStream {
        private final long budget;
        private long count;

        CountingInput(InputStream in, long budget) {
            super(in);
            this.budget = budget;
        }

        @Override
        public int read() throws IOException {
            checkBudget(1);
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int allowed = (int) Math.min(length, Math.max(1, budget - count));
            checkBudget(1);
            int n = super.read(buffer, offset, allowed);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        private void checkBudget(int more) throws ProbeException {
            if (count + more > budget) {
                throw new ProbeException(ProbeException.Kind.PROTOCOL_ERROR,
                    "The server sent more than " + budget + " bytes; the probe stopped reading.");
            }
        }
    }
}

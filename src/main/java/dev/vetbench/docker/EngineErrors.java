package dev.vetbench.docker;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLException;

/** Turns what docker-java and the transport throw into one {@link DockerException} sentence. */
final class EngineErrors {

    private static final int SOCKET_FILE_TYPE = 0140000;
    private static final int FILE_TYPE_MASK = 0170000;

    private EngineErrors() {
    }

    /**
     * Says in advance what is wrong with a unix socket path, so a plain file is not mistaken for a dead engine.
     *
     * @return the problem, or {@code null} when the path is a socket
     */
    static DockerException checkSocket(DockerHostSpec host) {
        Path socket = Path.of(host.address());
        if (!Files.exists(socket)) {
            return new DockerException(DockerException.Reason.UNREACHABLE, "No Docker engine at " + host.uri()
                + ": the socket does not exist; start the engine or point --host or DOCKER_HOST at it.", null);
        }
        try {
            int mode = (Integer) Files.getAttribute(socket, "unix:mode");
            if ((mode & FILE_TYPE_MASK) != SOCKET_FILE_TYPE) {
                return new DockerException(DockerException.Reason.NOT_DOCKER, host.uri()
                    + " is not a socket, so it is not a Docker engine; point --host or DOCKER_HOST at the "
                    + "engine's socket.", null);
            }
        } catch (IOException | UnsupportedOperationException e) {
            return null; // Let the connection attempt say what is wrong.
        }
        return null;
    }

    /** The sentence for a failure to reach or talk to the engine while connecting. */
    static DockerException connecting(DockerHostSpec host, Throwable failure) {
        if (find(failure, SSLException.class) != null) {
            String certs = host.certDirectory() == null ? "" : " in " + host.certDirectory();
            return new DockerException(DockerException.Reason.TLS_FAILED, "The TLS handshake with the Docker engine at "
                + host.uri() + " failed; check that the certificates" + certs + " belong to that engine.", failure);
        }
        if (isUnreachable(failure)) {
            return new DockerException(DockerException.Reason.UNREACHABLE, "No Docker engine answers at "
                + host.uri() + "; check that the engine is running and the address is right.", failure);
        }
        return notDocker(host, failure);
    }

    /** The sentence for something that answered but not as a Docker engine. */
    static DockerException notDocker(DockerHostSpec host, Throwable failure) {
        return new DockerException(DockerException.Reason.NOT_DOCKER, "Something answers at " + host.uri()
            + ", but it is not a Docker engine; check the address.", failure);
    }

    /** The sentence for an engine that went away in the middle of an operation. */
    static DockerException during(String what, DockerHostSpec host, Throwable failure) {
        if (failure instanceof DockerException own) {
            return own;
        }
        if (isUnreachable(failure)) {
            return new DockerException(DockerException.Reason.UNREACHABLE, what
                + " failed because the Docker engine at " + host.uri()
                + " stopped answering; check that it is still running.", failure);
        }
        return new DockerException(DockerException.Reason.FAILED, what + " failed: the Docker engine said \""
            + engineMessage(failure) + "\".", failure);
    }

    /** The engine's own words, without the JSON wrapping docker-java leaves around them. */
    static String engineMessage(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        int start = message.indexOf("{\"message\":\"");
        if (start >= 0) {
            int end = message.indexOf("\"}", start);
            message = message.substring(start + 12, end < 0 ? message.length() : end);
        }
        message = message.replaceFirst("^Status \\d+: ", "").strip();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    static boolean isUnreachable(Throwable failure) {
        return find(failure, ConnectException.class) != null || find(failure, NoRouteToHostException.class) != null
            || find(failure, UnknownHostException.class) != null
            || connectTimedOut(failure)
            || messageMentions(failure, "Connection refused") || messageMentions(failure, "No such file");
    }

    /** A connect that timed out (a host that drops packets), as opposed to a read timeout from a live peer. */
    private static boolean connectTimedOut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().contains("ConnectTimeout")) {
                return true;
            }
        }
        return messageMentions(failure, "Connect timed out") || messageMentions(failure, "connect timed out");
    }

    private static boolean messageMentions(Throwable failure, String words) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(words)) {
                return true;
            }
        }
        return false;
    }

    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    static boolean isInterrupt(Throwable failure) {
        return find(failure, InterruptedException.class) != null
            || find(failure, InterruptedIOException.class) != null
                && find(failure, SocketTimeoutException.class) == null;
    }
}

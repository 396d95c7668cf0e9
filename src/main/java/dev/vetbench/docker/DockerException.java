package dev.vetbench.docker;

import java.util.List;
import java.util.Objects;

/**
 * Something Vetbench asked of a Docker engine or a registry could not be done.
 *
 * <p>{@link #getMessage()} is one sentence for people that says what failed and what to do; it never holds
 * credentials. Where a container was involved, {@link #logTail()} holds its last log lines.
 */
public final class DockerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of failure this is, so callers (checks, UI) can react without parsing the message. */
    public enum Reason {
        /** No engine answered at the address (refused, timed out, no such socket). */
        UNREACHABLE,
        /** Something answered, but not the Docker API. */
        NOT_DOCKER,
        /** The TLS handshake with the engine or registry failed. */
        TLS_FAILED,
        /** The image, tag or repository does not exist. */
        NOT_FOUND,
        /** A registry refused the request (wrong credentials, permission, server error). */
        REGISTRY_REFUSED,
        /** A registry asks for a user name and password, and none were given. */
        LOGIN_REQUIRED,
        /** A container stopped before it became ready. */
        TARGET_EXITED,
        /** A container did not become ready before its deadline. */
        TARGET_NOT_READY,
        /** The caller cancelled the operation. */
        CANCELLED,
        /** The engine refused or failed an operation for another reason. */
        FAILED
    }

    private final Reason reason;
    private final List<String> logTail;

    public DockerException(Reason reason, String message, Throwable cause) {
        this(reason, message, List.of(), cause);
    }

    public DockerException(Reason reason, String message, List<String> logTail, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.logTail = List.copyOf(logTail);
    }

    /** What kind of failure this is. */
    public Reason reason() {
        return reason;
    }

    /** The container's last log lines, empty when no container was involved. */
    public List<String> logTail() {
        return logTail;
    }
}

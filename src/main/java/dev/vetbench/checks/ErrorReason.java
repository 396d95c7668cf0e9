package dev.vetbench.checks;

/** Why a check ended in {@link Verdict#ERROR}: the check could not run to a conclusion. */
public enum ErrorReason {
    CONNECTION_REFUSED("connection refused"),
    CONNECTION_RESET("connection reset"),
    UNREACHABLE("host unreachable"),
    TIMEOUT("timed out"),
    PROTOCOL_ERROR("protocol error"),
    TARGET_NOT_READY("target not ready"),
    TARGET_EXITED("target exited"),
    DOCKER_UNAVAILABLE("Docker engine unavailable"),
    WRONG_USAGE("wrong usage"),
    CANCELLED("cancelled"),
    BUG("internal error");

    private final String description;

    ErrorReason(String description) {
        this.description = description;
    }

    /** A few words for people, as in "ERROR (timed out)". */
    public String description() {
        return description;
    }
}

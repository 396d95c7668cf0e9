package dev.vetbench.checks;

import dev.vetbench.docker.DockerException;
import java.time.Instant;

/** Turns what the Docker engine could not do into ERROR results of image checks. */
public final class DockerErrors {

    private DockerErrors() {
    }

    /** The verdict's reason for an engine failure. */
    public static ErrorReason reason(DockerException e) {
        return switch (e.reason()) {
            case UNREACHABLE, NOT_DOCKER, TLS_FAILED, REGISTRY_REFUSED, LOGIN_REQUIRED ->
                ErrorReason.DOCKER_UNAVAILABLE;
            case NOT_FOUND -> ErrorReason.WRONG_USAGE;
            case TARGET_EXITED -> ErrorReason.TARGET_EXITED;
            case TARGET_NOT_READY -> ErrorReason.TARGET_NOT_READY;
            case CANCELLED -> ErrorReason.CANCELLED;
            // The engine refused to create or start the container, e.g. a bind mount whose host path is missing.
            case FAILED -> ErrorReason.TARGET_NOT_READY;
        };
    }

    /** An ERROR with the engine's sentence as summary and the container's last log lines as evidence. */
    public static CheckResult error(String checkId, ImageTarget target, DockerException e,
            Evidence.Builder evidence, Instant startedAt) {
        evidence.line("stopped: " + e.getMessage());
        if (!e.logTail().isEmpty()) {
            evidence.line("last log lines of the container:");
            e.logTail().forEach(line -> evidence.line("  " + line));
        }
        return CheckResult.error(checkId, target.asCheckTarget(), reason(e), e.getMessage(), evidence.build(),
            startedAt);
    }
}

package dev.vetbench.checks;

import dev.vetbench.tls.ProbeException;
import dev.vetbench.tls.ProbeLimits;
import dev.vetbench.tls.TlsEndpoint;
import java.time.Duration;
import java.time.Instant;

/** What the TLS checks share: probe limits from a check context and probe failures as ERROR results. */
public final class TlsProbes {

    /** The longest a single read may block; the check's deadline bounds the whole exchange anyway. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private TlsProbes() {
    }

    /** The endpoint of a target. */
    public static TlsEndpoint endpoint(CheckTarget target) {
        return new TlsEndpoint(target.host(), target.port(), target.startTls());
    }

    /** Limits that end at the context's deadline and follow its cancellation. */
    public static ProbeLimits limits(CheckContext context) {
        return new ProbeLimits(context.deadline(), READ_TIMEOUT, ProbeLimits.DEFAULT_MAX_BYTES,
            context::isCancelled);
    }

    /** The reason a failed probe gives for an ERROR verdict. */
    public static ErrorReason reason(ProbeException e) {
        return switch (e.kind()) {
            case CONNECTION_REFUSED -> ErrorReason.CONNECTION_REFUSED;
            case UNREACHABLE -> ErrorReason.UNREACHABLE;
            case CONNECTION_RESET -> ErrorReason.CONNECTION_RESET;
            case TIMEOUT -> ErrorReason.TIMEOUT;
            case CANCELLED -> ErrorReason.CANCELLED;
            case PROTOCOL_ERROR, STARTTLS_REFUSED -> ErrorReason.PROTOCOL_ERROR;
        };
    }

    /** An ERROR result for a probe that could not run, keeping the evidence gathered so far. */
    public static CheckResult error(String checkId, CheckTarget target, ProbeException e,
            Evidence.Builder evidence, Instant startedAt) {
        evidence.line("stopped: " + e.getMessage());
        return CheckResult.error(checkId, target, reason(e), e.getMessage(), evidence.build(), startedAt);
    }

    /** Adds the target's configuration to the evidence. */
    public static Evidence.Builder startEvidence(CheckTarget target) {
        return Evidence.builder()
            .fact("target", target.description())
            .fact("endpoint", target.address())
            .fact("starttls", target.startTls().name().toLowerCase());
    }

    /** Milliseconds with one decimal, for timings in evidence. */
    public static String millis(Duration duration) {
        return String.format("%.1f ms", duration.toNanos() / 1_000_000.0);
    }
}

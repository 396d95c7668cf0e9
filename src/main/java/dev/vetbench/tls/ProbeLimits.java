package dev.vetbench.tls;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Bounds on everything a probe does, so that no server can make it hang or eat memory.
 *
 * @param deadline when the whole probe must have ended; the connection is closed at this instant
 * @param readTimeout the longest one read may block
 * @param maxBytesRead the most a probe reads from one connection
 * @param cancelled polled while the probe runs; once true the connection is closed
 */
public record ProbeLimits(Instant deadline, Duration readTimeout, long maxBytesRead, BooleanSupplier cancelled) {

    /** Enough for a handshake with a long certificate chain plus a full heartbeat reply. */
    public static final long DEFAULT_MAX_BYTES = 1 << 20;

    public ProbeLimits {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(cancelled, "cancelled");
    }

    /** Limits for a probe that must end within {@code timeout} from now and cannot be cancelled otherwise. */
    public static ProbeLimits within(Duration timeout) {
        return new ProbeLimits(Instant.now().plus(timeout), Duration.ofSeconds(5), DEFAULT_MAX_BYTES, () -> false);
    }

    /** Time left before the deadline; zero once it passed. */
    public Duration remaining() {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** The timeout for the next blocking step: the read timeout, but never past the deadline (at least 1 ms). */
    public int nextTimeoutMillis() {
        long millis = Math.min(readTimeout.toMillis(), remaining().toMillis());
        return (int) Math.max(1, millis);
    }
}

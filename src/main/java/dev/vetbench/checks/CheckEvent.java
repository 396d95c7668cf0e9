package dev.vetbench.checks;

/** What a {@link CheckRunner} reports while it works, one event at a time, for the UI, the CLI and logs. */
public sealed interface CheckEvent {

    /** The check that the event is about. */
    String checkId();

    /** The target that the event is about. */
    CheckTarget target();

    /** The check is waiting for a free worker. */
    record Queued(String checkId, CheckTarget target) implements CheckEvent {
    }

    /** The check started. */
    record Started(String checkId, CheckTarget target) implements CheckEvent {
    }

    /** A step inside a running check, e.g. "ClientHello TLS 1.2 sent". */
    record Progress(String checkId, CheckTarget target, String message) implements CheckEvent {
    }

    /** The check ended with a result (which may be an ERROR). */
    record Finished(String checkId, CheckTarget target, CheckResult result) implements CheckEvent {
    }
}

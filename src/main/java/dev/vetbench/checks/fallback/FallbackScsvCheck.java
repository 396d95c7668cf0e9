package dev.vetbench.checks.fallback;

import dev.vetbench.checks.Check;
import dev.vetbench.checks.CheckContext;
import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.CheckTarget;
import dev.vetbench.checks.ErrorReason;
import dev.vetbench.checks.Evidence;
import dev.vetbench.checks.TlsProbes;
import dev.vetbench.checks.Verdict;
import dev.vetbench.tls.Alerts;
import dev.vetbench.tls.CipherSuites;
import dev.vetbench.tls.HandshakeOutcome;
import dev.vetbench.tls.HandshakeProbe;
import dev.vetbench.tls.ProbeException;
import dev.vetbench.tls.ProbeLimits;
import dev.vetbench.tls.TlsEndpoint;
import dev.vetbench.tls.TlsVersion;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Downgrade protection (RFC 7507): a client that retries with a lower version and TLS_FALLBACK_SCSV must be refused
 * with {@code inappropriate_fallback}.
 *
 * <p>Three handshakes at most, with BouncyCastle's client: one offering TLS 1.0 to 1.3 learns the highest version
 * the server accepts; one offering at most the version below it, with TLS_FALLBACK_SCSV, is the fallback; and only
 * when that one fails some other way, the same handshake without the SCSV tells whether the server accepts the
 * lower version at all.
 */
public final class FallbackScsvCheck implements Check {

    public static final String ID = "fallback-scsv";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Downgrade protection (RFC 7507 TLS_FALLBACK_SCSV)";
    }

    @Override
    public String hipaaReference() {
        return "164.312(e)(2)(i) integrity controls";
    }

    @Override
    public CheckResult run(CheckTarget target, CheckContext context) {
        Instant startedAt = Instant.now();
        Evidence.Builder evidence = TlsProbes.startEvidence(target);
        TlsEndpoint endpoint = TlsProbes.endpoint(target);
        ProbeLimits limits = TlsProbes.limits(context);
        try {
            context.progress("learning the highest version the server accepts");
            HandshakeOutcome first = attempt(endpoint, TlsVersion.TLS_1_3, false, limits, evidence);
            if (first.status() != HandshakeOutcome.Status.COMPLETED) {
                return CheckResult.error(ID, target, ErrorReason.PROTOCOL_ERROR, "No TLS 1.0-1.3 handshake with "
                    + "the server completed (" + first.detail() + "), so its downgrade protection cannot be "
                    + "tested.", evidence.build(), startedAt);
            }
            TlsVersion highest = first.negotiated();
            evidence.fact("highest version accepted", highest.label())
                .fact("cipher suite at highest version", CipherSuites.describe(first.cipherSuite()));
            if (highest.lower().isEmpty()) {
                return CheckResult.conclusive(ID, target, Verdict.NOT_APPLICABLE, "The server's highest version is "
                    + highest.label() + "; there is no lower version to fall back to.", evidence.build(), startedAt);
            }
            return fallBack(target, endpoint, highest, limits, context, evidence, startedAt);
        } catch (ProbeException e) {
            return TlsProbes.error(ID, target, e, evidence, startedAt);
        }
    }

    private static CheckResult fallBack(CheckTarget target, TlsEndpoint endpoint, TlsVersion highest,
            ProbeLimits limits, CheckContext context, Evidence.Builder evidence, Instant startedAt)
            throws ProbeException {
        TlsVersion lower = highest.lower().orElseThrow();
        context.progress("falling back to " + lower.label() + " with TLS_FALLBACK_SCSV");
        HandshakeOutcome fallback = attempt(endpoint, lower, true, limits, evidence);
        evidence.fact("fallback offered", fallback.offeredDescription())
            .fact("fallback result", describe(fallback));

        if (fallback.alertCode() == Alerts.INAPPROPRIATE_FALLBACK) {
            return CheckResult.conclusive(ID, target, Verdict.PASS, "The server refused a fallback from "
                + highest.label() + " to " + lower.label() + " with inappropriate_fallback, as RFC 7507 requires.",
                evidence.build(), startedAt);
        }
        if (fallback.status() == HandshakeOutcome.Status.COMPLETED) {
            return CheckResult.conclusive(ID, target, Verdict.FAIL, "The server supports " + highest.label()
                + " yet completed a fallback handshake at " + fallback.negotiated().label() + " despite "
                + "TLS_FALLBACK_SCSV: an attacker can force clients down to the older version.",
                evidence.build(), startedAt);
        }

        context.progress("checking whether the server accepts " + lower.label() + " at all");
        HandshakeOutcome plain = attempt(endpoint, lower, false, limits, evidence);
        evidence.fact("same offer without SCSV", describe(plain));
        if (plain.status() != HandshakeOutcome.Status.COMPLETED) {
            return CheckResult.conclusive(ID, target, Verdict.NOT_APPLICABLE, "The server accepts only "
                + highest.label() + ": a handshake offering at most " + lower.label() + " fails even without "
                + "TLS_FALLBACK_SCSV (" + plain.detail() + "), so there is no lower version to downgrade to.",
                evidence.build(), startedAt);
        }
        // Decision: FAIL, not ERROR. The check ran to a conclusion: the server accepts the lower version, and with
        // the SCSV it answered something other than inappropriate_fallback, which RFC 7507 section 3 requires
        // (MUST). Clients rely on that alert to tell an attack from an incompatible server; a different alert (or a
        // bare close) reads as "try lower still". The evidence shows the refusal so a reviewer can waive it.
        return CheckResult.conclusive(ID, target, Verdict.FAIL, "The server refused the fallback to "
            + lower.label() + " with " + describe(fallback) + " instead of inappropriate_fallback(86): not RFC 7507 "
            + "behaviour, though it accepts " + plain.negotiated().label() + " without TLS_FALLBACK_SCSV.",
            evidence.build(), startedAt);
    }

    private static HandshakeOutcome attempt(TlsEndpoint endpoint, TlsVersion highest, boolean fallback,
            ProbeLimits limits, Evidence.Builder evidence) throws ProbeException {
        List<TlsVersion> offered = Arrays.stream(TlsVersion.values()).filter(v -> v.compareTo(highest) <= 0)
            .toList();
        HandshakeOutcome outcome = HandshakeProbe.handshake(endpoint, offered, fallback, limits);
        evidence.line("offered " + outcome.offeredDescription() + ": " + describe(outcome) + " in "
            + TlsProbes.millis(outcome.duration()));
        return outcome;
    }

    private static String describe(HandshakeOutcome outcome) {
        return switch (outcome.status()) {
            case COMPLETED -> "completed at " + outcome.negotiated().label() + " with "
                + CipherSuites.describe(outcome.cipherSuite());
            case ALERT_RECEIVED -> "alert " + outcome.alert();
            case CLOSED, CLIENT_REFUSED -> outcome.detail();
        };
    }
}

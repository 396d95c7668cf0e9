package dev.vetbench.checks.proxy;

import dev.vetbench.checks.ErrorReason;
import dev.vetbench.checks.Evidence;
import dev.vetbench.checks.Finding;
import dev.vetbench.checks.Verdict;
import java.util.List;

/**
 * What the PROXY-protocol probe concluded about one service.
 *
 * @param verdict PASS, FAIL or ERROR
 * @param summary one sentence for people
 * @param errorReason present exactly for ERROR
 * @param evidence every request, its answer and its log line
 * @param findings the header-less and any-source findings
 * @param cases every request made, in order
 */
public record ProxyProtocolReport(Verdict verdict, String summary, ErrorReason errorReason, Evidence evidence,
        List<Finding> findings, List<ProxyCase> cases) {

    public ProxyProtocolReport {
        findings = List.copyOf(findings);
        cases = List.copyOf(cases);
    }
}

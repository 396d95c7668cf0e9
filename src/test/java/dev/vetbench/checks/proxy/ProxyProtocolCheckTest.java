package dev.vetbench.checks.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.checks.CheckContext;
import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.EngineLeftovers;
import dev.vetbench.checks.Finding;
import dev.vetbench.checks.ImageTarget;
import dev.vetbench.checks.Verdict;
import dev.vetbench.docker.DockerConnection;
import dev.vetbench.docker.TargetProfile;
import dev.vetbench.docker.TargetProfiles;
import dev.vetbench.testbed.TestBed;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The PROXY-protocol check against the real front-end fixture versions. */
class ProxyProtocolCheckTest {

    private static DockerConnection docker;
    private final ProxyProtocolCheck check = new ProxyProtocolCheck();

    @BeforeAll
    static void connect() {
        TestBed.requireDocker();
        docker = DockerConnection.connect();
    }

    @AfterAll
    static void disconnect() {
        if (docker != null) {
            docker.close();
        }
    }

    private CheckResult run(String image, TargetProfile profile) {
        ImageTarget target = new ImageTarget(docker, image, profile, List.of());
        return check.run(target, CheckContext.standalone(check, target.asCheckTarget(), Duration.ofSeconds(120)));
    }

    private static TargetProfile frontEnd(String name) {
        return TargetProfiles.builtIn("nginx-tls-frontend").withName(name);
    }

    @Test
    void fixedReleaseLogsTheClientAddressFromV1AndV2HeadersOverHttpsAndHttp() {
        CheckResult result = run(TestBed.FRONTEND_FIXED, frontEnd("proxy-test-fixed"));

        assertThat(result.verdict()).as(result.summary() + "\n" + result.evidence()).isEqualTo(Verdict.PASS);
        List<String> transcript = result.evidence().transcript();
        for (String kind : List.of("v1 TCP4", "v1 TCP6", "v2 TCP4", "v2 TCP6")) {
            assertThat(transcript).anySatisfy(line -> assertThat(line).contains("port 443 (https) " + kind));
            assertThat(transcript).anySatisfy(line -> assertThat(line).contains("port 80 (http) " + kind));
        }
        assertThat(transcript).anyMatch(line -> line.contains("log shows 2001:db8:"));
        assertThat(result.findings()).extracting(Finding::id).contains(ProxyVerdicts.TRUSTED_FROM_ANY_SOURCE)
            .doesNotContain(ProxyVerdicts.NO_HEADER_SERVED);
        assertThat(EngineLeftovers.containersOfProfile("proxy-test-fixed")).isEmpty();
    }

    @Test
    void flawedReleaseFailsWithTheBalancersAddressInTheEvidence() {
        CheckResult result = run(TestBed.FRONTEND_FLAWED, frontEnd("proxy-test-flawed"));

        assertThat(result.verdict()).as(result.summary() + "\n" + result.evidence()).isEqualTo(Verdict.FAIL);
        String shown = result.evidence().facts().get("address shown in the log");
        assertThat(shown).doesNotStartWith("192.0.2.").doesNotStartWith("198.51.100.").doesNotStartWith("203.0.113.")
            .doesNotStartWith("2001:db8");
        assertThat(result.summary()).contains("was logged with " + shown);
        assertThat(result.findings()).extracting(Finding::id).contains(ProxyVerdicts.ACCEPTED_FROM_ANY_SOURCE);
        assertThat(EngineLeftovers.containersOfProfile("proxy-test-flawed")).isEmpty();
    }

    @Test
    void profileWithoutAProxySwitchIsNotApplicable() {
        TargetProfile database = TargetProfiles.builtIn("postgres-database").withName("proxy-test-database");

        CheckResult result = run(TestBed.RECORDS_DB_VOLUME, database);

        assertThat(result.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(result.summary()).contains("no PROXY-protocol switch");
    }
}

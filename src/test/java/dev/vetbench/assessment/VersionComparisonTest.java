package dev.vetbench.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.assessment.VersionComparison.Change;
import dev.vetbench.assessment.VersionComparison.Kind;
import dev.vetbench.checks.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionComparisonTest {

    @Test
    void tagsSortInSemanticVersionOrder() {
        List<String> tags = new ArrayList<>(List.of("latest", "1.10.0", "v1.9.2", "1.5.0", "1.5.0-rc1",
            "1.5.0-rc10", "1.5.0-rc2", "2.0", "1.5.0-alpha"));

        tags.sort(VersionOrder.TAGS);

        assertThat(tags).containsExactly("1.5.0-alpha", "1.5.0-rc1", "1.5.0-rc2", "1.5.0-rc10", "1.5.0", "v1.9.2",
            "1.10.0", "2.0", "latest");
    }

    @Test
    void versionsAreOrderedOldestFirstWhateverOrderTheyWerePickedIn() {
        VersionComparison comparison = VersionComparison.of(SampleAssessments.twoVersionsFourChecks());

        assertThat(comparison.versions()).containsExactly(SampleAssessments.FLAWED, SampleAssessments.FIXED);
        assertThat(comparison.checkIds()).containsExactly("heartbleed", "fallback-scsv", "proxy-protocol",
            "volume-encryption");
    }

    @Test
    void fixedFindingsAreReportedPerCheck() {
        VersionComparison comparison = VersionComparison.of(SampleAssessments.twoVersionsFourChecks());

        assertThat(comparison.changesFor("heartbleed")).containsExactly(new Change("heartbleed",
            SampleAssessments.FLAWED.id(), SampleAssessments.FIXED.id(), Verdict.FAIL, Verdict.PASS, Kind.FIXED));
        assertThat(comparison.changesFor("proxy-protocol")).singleElement()
            .extracting(Change::kind).isEqualTo(Kind.CHANGED);
    }

    @Test
    void aCheckThatStartsFailingIsARegression() {
        Assessment assessment = SampleAssessments.twoVersionsFourChecks();
        ImageVersion newer = new ImageVersion("medivendor/frontend", "1.6.0", "");
        assessment = assessment.withScope(new Scope("", List.of(SampleAssessments.FIXED, SampleAssessments.FLAWED,
            newer), List.of()), SampleAssessments.STARTED);
        assessment = SampleAssessments.withResults(assessment, newer, true);

        VersionComparison comparison = VersionComparison.of(assessment);

        assertThat(comparison.changesFor("fallback-scsv")).extracting(Change::kind)
            .containsExactly(Kind.FIXED, Kind.REGRESSED);
        assertThat(comparison.changesFor("fallback-scsv").get(1).toVersion()).isEqualTo("medivendor/frontend:1.6.0");
    }
}

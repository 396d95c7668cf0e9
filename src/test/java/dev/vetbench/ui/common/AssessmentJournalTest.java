package dev.vetbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.assessment.Assessment;
import dev.vetbench.assessment.ImageVersion;
import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.Evidence;
import dev.vetbench.checks.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssessmentJournalTest {

    private static final ImageVersion FLAWED =
        new ImageVersion("medivendor/frontend", "1.4.2", "sha256:" + "1".repeat(64));
    private static final ImageVersion FIXED =
        new ImageVersion("medivendor/frontend", "1.5.0", "sha256:" + "2".repeat(64));

    @TempDir
    Path directory;

    @Test
    void everyFinishedCheckIsOnDiskForTheNextStart() throws Exception {
        Path file = directory.resolve("vetbench/autosave.vetbench");
        AssessmentJournal journal = new AssessmentJournal(file);

        journal.record("unix:///var/run/docker.sock", FLAWED, result(FLAWED, Verdict.FAIL));
        journal.record("unix:///var/run/docker.sock", FIXED, result(FIXED, Verdict.PASS));
        journal.close();

        Assessment left = new AssessmentJournal(file).leftOver().orElseThrow();
        assertThat(left.results()).hasSize(2);
        assertThat(left.scope().versions()).containsExactly(FLAWED, FIXED);
        assertThat(left.result(FLAWED.id(), "proxy-protocol").orElseThrow().verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void discardingForgetsTheLeftOverAssessment() throws Exception {
        Path file = directory.resolve("autosave.vetbench");
        AssessmentJournal journal = new AssessmentJournal(file);
        journal.record("", FIXED, result(FIXED, Verdict.PASS));
        journal.close();

        AssessmentJournal next = new AssessmentJournal(file);
        next.discard();

        assertThat(next.leftOver()).isEmpty();
        assertThat(file).doesNotExist();
    }

    @Test
    void aBrokenFileIsNotOfferedForRestore() throws Exception {
        Path file = directory.resolve("autosave.vetbench");
        Files.writeString(file, "{\"formatVersion\": 1, \"assess");

        assertThat(new AssessmentJournal(file).leftOver()).isEmpty();
    }

    @Test
    void resumingGoesOnSavingIntoTheSameAssessment() throws Exception {
        Path file = directory.resolve("autosave.vetbench");
        AssessmentJournal first = new AssessmentJournal(file);
        first.record("", FLAWED, result(FLAWED, Verdict.FAIL));
        first.close();

        AssessmentJournal second = new AssessmentJournal(file);
        String id = second.leftOver().orElseThrow().id();
        second.resume();
        second.record("", FIXED, result(FIXED, Verdict.PASS));
        second.close();

        Assessment left = new AssessmentJournal(file).leftOver().orElseThrow();
        assertThat(left.id()).isEqualTo(id);
        assertThat(left.results()).hasSize(2);
    }

    private static CheckResult result(ImageVersion version, Verdict verdict) {
        return new CheckResult("proxy-protocol", version.id() + "@" + version.digest(), verdict, verdict + " summary",
            null, Evidence.builder().fact("address shown in the log", "172.17.0.1").build(), Instant.now(),
            Duration.ofMillis(40));
    }
}

package dev.vetbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.assessment.Assessment;
import dev.vetbench.assessment.AssessmentFiles;
import dev.vetbench.assessment.ImageVersion;
import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.Evidence;
import dev.vetbench.checks.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Save as, Save and Open without the FX toolkit; outcomes are drained from a queue standing in for the FX thread. */
class AssessmentDocumentTest {

    private static final ImageVersion FLAWED =
        new ImageVersion("medivendor/frontend", "1.4.2", "sha256:" + "1".repeat(64));

    @TempDir
    Path directory;

    private final LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
    private final BackgroundTasks tasks = new BackgroundTasks(BackgroundTasks.boundedWorkers(1), ui::add);
    private final List<String> errors = new ArrayList<>();
    private AssessmentJournal journal;

    @AfterEach
    void stop() throws Exception {
        tasks.close();
        journal.close();
    }

    @Test
    void saveAsNamesTheDocumentAndAChangeMarksItModifiedUntilTheNextSave() throws Exception {
        AssessmentDocument document = document();
        journal.record("unix:///var/run/docker.sock", FLAWED, result(Verdict.FAIL));
        drainUntil(() -> document.modifiedProperty().get());
        assertThat(document.title().get()).isEqualTo("Untitled assessment* \u2014 Vetbench");

        document.saveAs(directory.resolve("medivendor"), errors::add);
        drainUntil(() -> document.fileProperty().get() != null);

        Path saved = directory.resolve("medivendor.vetbench");
        assertThat(document.fileProperty().get()).isEqualTo(saved);
        assertThat(document.title().get()).isEqualTo("medivendor.vetbench \u2014 Vetbench");
        assertThat(AssessmentFiles.open(saved).result(FLAWED.id(), "proxy-protocol")).isPresent();

        journal.record("unix:///var/run/docker.sock", FLAWED, result(Verdict.PASS));
        drainUntil(() -> document.modifiedProperty().get());
        assertThat(document.title().get()).isEqualTo("medivendor.vetbench* \u2014 Vetbench");
        assertThat(document.save(errors::add)).isTrue();
        drainUntil(() -> !document.modifiedProperty().get());
        assertThat(AssessmentFiles.open(saved).result(FLAWED.id(), "proxy-protocol").orElseThrow().verdict())
            .isEqualTo(Verdict.PASS);
        assertThat(errors).isEmpty();
    }

    @Test
    void saveWithoutANameAsksForSaveAs() {
        assertThat(document().save(errors::add)).isFalse();
    }

    @Test
    void openingReplacesTheAssessmentAndLaterResultsGoOnFromIt() throws Exception {
        Path other = directory.resolve("other.vetbench");
        Assessment written = Assessment.start("MediVendor", "Records", new dev.vetbench.assessment.Assessor("Dana",
            "", ""), dev.vetbench.assessment.Scope.empty(), Instant.now()).withResult(FLAWED.id(),
            result(Verdict.FAIL), Instant.now());
        AssessmentFiles.save(written, other);
        AssessmentDocument document = document();
        List<Assessment> opened = new ArrayList<>();

        document.open(other, opened::add, errors::add);
        drainUntil(() -> !opened.isEmpty());

        assertThat(opened.get(0).id()).isEqualTo(written.id());
        assertThat(document.title().get()).isEqualTo("other.vetbench \u2014 Vetbench");
        assertThat(journal.leftOver().orElseThrow().id()).isEqualTo(written.id());
    }

    @Test
    void aBrokenOrNewerFileGivesOneSentenceAndLeavesTheCurrentAssessmentAlone() throws Exception {
        AssessmentDocument document = document();
        journal.record("", FLAWED, result(Verdict.FAIL));
        drainUntil(() -> document.modifiedProperty().get());
        String before = journal.leftOver().orElseThrow().id();
        Path broken = Files.writeString(directory.resolve("broken.vetbench"), "{\"format\": \"vetbench-ass");
        Path newer = Files.writeString(directory.resolve("newer.vetbench"),
            "{\"format\": \"vetbench-assessment\", \"formatVersion\": 99, \"assessment\": {}}");
        List<Assessment> opened = new ArrayList<>();

        document.open(broken, opened::add, errors::add);
        drainUntil(() -> errors.size() == 1);
        document.open(newer, opened::add, errors::add);
        drainUntil(() -> errors.size() == 2);

        assertThat(errors.get(0)).isEqualTo(broken + " is damaged and could not be opened; restore it from a "
            + "backup.");
        assertThat(errors.get(1)).startsWith(newer + " was saved by a newer Vetbench (format 99");
        assertThat(opened).isEmpty();
        assertThat(document.fileProperty().get()).isNull();
        assertThat(document.modifiedProperty().get()).isTrue();
        assertThat(journal.leftOver().orElseThrow().id()).isEqualTo(before);
    }

    private AssessmentDocument document() {
        journal = new AssessmentJournal(directory.resolve("autosave.vetbench"));
        return new AssessmentDocument(journal, tasks);
    }

    private void drainUntil(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out").isLessThan(deadline);
            Runnable next = ui.poll(50, TimeUnit.MILLISECONDS);
            if (next != null) {
                next.run();
            }
        }
    }

    private static CheckResult result(Verdict verdict) {
        return new CheckResult("proxy-protocol", FLAWED.id() + "@" + FLAWED.digest(), verdict, verdict + " summary",
            null, Evidence.empty(), Instant.now(), Duration.ofMillis(40));
    }
}

package dev.vetbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.assessment.Assessment;
import dev.vetbench.assessment.AssessmentFiles;
import dev.vetbench.assessment.Assessor;
import dev.vetbench.assessment.ImageVersion;
import dev.vetbench.assessment.Note;
import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.Evidence;
import dev.vetbench.checks.Verdict;
import dev.vetbench.ui.common.AssessmentJournal;
import dev.vetbench.ui.common.BackgroundTasks;
import dev.vetbench.ui.report.ReportViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Report screen's parties and the Findings screen's notes, autosaved and put back, without the FX toolkit. */
class WindowAssessmentTest {

    private static final ImageVersion FLAWED =
        new ImageVersion("medivendor/frontend", "1.4.2", "sha256:" + "1".repeat(64));

    @TempDir
    Path directory;

    private final BackgroundTasks tasks = new BackgroundTasks(Executors.newSingleThreadExecutor(), Runnable::run);

    @AfterEach
    void stop() {
        tasks.close();
    }

    @Test
    void thePartiesTypedOnTheReportScreenAreAutosavedOnceTypingPausesAndComeBackAtTheNextStart() throws Exception {
        Path file = directory.resolve("autosave.vetbench");
        AssessmentJournal journal = new AssessmentJournal(file);
        WindowAssessment entered = new WindowAssessment(journal, Duration.ofMillis(50));
        ReportViewModel report = report();
        entered.bindParties(report);

        report.vendorProperty().set("MediVendor Inc.");
        report.productProperty().set("Patient Records Suite");
        report.assessorProperty().set("Dana Assessor ");
        report.organisationProperty().set("St. Mary's Hospital");
        report.roleProperty().set("Security assessor");
        awaitOnDisk(file, "Security assessor");
        entered.close();
        journal.close();

        assertThat(Files.readString(file)).contains("MediVendor Inc.", "Patient Records Suite", "St. Mary's Hospital");
        AssessmentJournal next = new AssessmentJournal(file);
        Assessment left = next.leftOver().orElseThrow();
        assertThat(left.assessor())
            .isEqualTo(new Assessor("Dana Assessor", "St. Mary's Hospital", "Security assessor"));

        WindowAssessment restored = new WindowAssessment(next, Duration.ofMillis(50));
        ReportViewModel shown = report();
        restored.bindParties(shown);
        restored.load(left);
        restored.close();
        next.close();

        assertThat(shown.vendorProperty().get()).isEqualTo("MediVendor Inc.");
        assertThat(shown.productProperty().get()).isEqualTo("Patient Records Suite");
        assertThat(shown.assessorProperty().get()).isEqualTo("Dana Assessor");
        assertThat(shown.organisationProperty().get()).isEqualTo("St. Mary's Hospital");
        assertThat(shown.roleProperty().get()).isEqualTo("Security assessor");
        assertThat(restored.author()).isEqualTo("Dana Assessor");
        // Putting the parties back is not a change: nothing was written over the file that was restored.
        assertThat(AssessmentFiles.open(file)).isEqualTo(left);
    }

    @Test
    void notesAreAutosavedAndAnOpenedAssessmentReplacesTheNotesAndPartiesShown() throws Exception {
        Path file = directory.resolve("autosave.vetbench");
        AssessmentJournal journal = new AssessmentJournal(file);
        WindowAssessment entered = new WindowAssessment(journal, Duration.ofHours(1));
        ReportViewModel report = report();
        entered.bindParties(report);
        journal.record("", FLAWED, result());
        Note note = new Note(FLAWED.id(), "proxy-protocol", "The vendor says 1.5.0 fixes this.", "Dana",
            Instant.now());
        entered.notes().add(note);
        entered.addNote(note);
        report.vendorProperty().set("typed, not yet autosaved");
        entered.flush();
        journal.close();

        Assessment saved = AssessmentFiles.open(file);
        assertThat(saved.notes()).containsExactly(note);
        assertThat(saved.vendor()).isEqualTo("typed, not yet autosaved");

        Assessment other = Assessment.start("Other Vendor", "Other Product", new Assessor("Sam", "", ""),
            saved.scope(), Instant.now());
        entered.load(other);
        entered.close();

        assertThat(entered.notes()).isEmpty();
        assertThat(entered.waivers()).isEmpty();
        assertThat(report.vendorProperty().get()).isEqualTo("Other Vendor");
        assertThat(report.assessorProperty().get()).isEqualTo("Sam");
    }

    private ReportViewModel report() {
        return new ReportViewModel(tasks, List::of, () -> "", List::of, List::of);
    }

    private static void awaitOnDisk(Path file, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(file) || !Files.readString(file).contains(text)) {
            assertThat(System.nanoTime()).as("%s never reached %s", text, file).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static CheckResult result() {
        return new CheckResult("proxy-protocol", FLAWED.id(), Verdict.FAIL, "The log shows the balancer's address.",
            null, Evidence.empty(), Instant.now(), Duration.ofMillis(40));
    }
}

package dev.vetbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vetbench.assessment.Assessment;
import dev.vetbench.assessment.AssessmentFiles;
import dev.vetbench.assessment.Assessor;
import dev.vetbench.assessment.ImageVersion;
import dev.vetbench.assessment.Note;
import dev.vetbench.assessment.Scope;
import dev.vetbench.assessment.Waiver;
import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.Evidence;
import dev.vetbench.checks.Verdict;
import dev.vetbench.testbed.TestBed;
import dev.vetbench.ui.WorkbenchApplication;
import dev.vetbench.ui.common.AssessmentJournal;
import dev.vetbench.ui.common.FileDialogs;
import dev.vetbench.ui.common.UiSettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File > Save as... and Open... in the real window over the real engine: an assessment saved under a name comes back
 * whole after another one was opened, and a broken file leaves the window as it was.
 */
class AssessmentFileWindowTest {

    private static final ImageVersion FLAWED = new ImageVersion(TestBed.FRONTEND, "1.4.2", "sha256:" + "1".repeat(64));
    private static final ImageVersion FIXED = new ImageVersion(TestBed.FRONTEND, "1.5.0", "sha256:" + "2".repeat(64));
    private static final String NOTE = "The vendor says 1.5.0 moves the address check to the balancer.";
    private static final String SCOPE_NOTE = "Scope agreed with the vendor: the front end and the records database.";
    private static final String JUSTIFICATION = "The balancer in production logs the client address itself.";

    @TempDir
    Path config;

    private final FxRobot robot = new FxRobot();
    private final ConcurrentLinkedDeque<Path> answers = new ConcurrentLinkedDeque<>();
    private WorkbenchApplication application;

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupApplication(application);
        FxToolkit.cleanupStages();
    }

    @Test
    void anAssessmentSavedUnderANameComesBackWholeAndABrokenFileChangesNothing() throws Exception {
        TestBed.requireDocker();
        autosaveAFailWithItsWaiver();
        Path fixedOnly = config.resolve("fixed-only.vetbench");
        AssessmentFiles.save(Assessment.start("", "", new Assessor("", "", ""), Scope.empty(), Instant.now())
            .withResult(FIXED.id(), result(FIXED, Verdict.PASS), Instant.now()), fixedOnly);
        Path broken = Files.writeString(config.resolve("broken.vetbench"), "{\"format\": \"vetbench-ass");
        Stage stage = open();
        restoreAtStart();
        assertThat(stage.getTitle()).isEqualTo("Vetbench");

        answers.add(config.resolve("medivendor"));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.S).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
            () -> titleOf(stage).equals("medivendor.vetbench \u2014 Vetbench"));
        Assessment saved = AssessmentFiles.open(config.resolve("medivendor.vetbench"));
        assertThat(saved.result(FLAWED.id(), "proxy-protocol").orElseThrow().verdict()).isEqualTo(Verdict.FAIL);
        assertThat(saved.waiver(FLAWED.id(), "proxy-protocol").orElseThrow().justification()).isEqualTo(JUSTIFICATION);

        answers.add(broken);
        shortcut(KeyCode.O);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#fileError").tryQuery().isPresent());
        assertThat(robot.lookup("#fileError").queryAs(DialogPane.class).getContentText())
            .isEqualTo(broken + " is damaged and could not be opened; restore it from a backup.");
        robot.clickOn("OK");
        assertThat(label("#matrixCounts")).startsWith("PASS 0   FAIL 1");
        assertThat(stage.getTitle()).isEqualTo("medivendor.vetbench \u2014 Vetbench");

        answers.add(fixedOnly);
        shortcut(KeyCode.O);
        awaitCounts("PASS 1   FAIL 0");
        assertThat(stage.getTitle()).isEqualTo("fixed-only.vetbench \u2014 Vetbench");

        answers.add(config.resolve("medivendor.vetbench"));
        robot.clickOn("File").clickOn("Open...");
        awaitCounts("PASS 0   FAIL 1");
        shortcut(KeyCode.DIGIT4);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> label("#waiverText").endsWith(JUSTIFICATION));
        assertThat(answers).isEmpty();
    }

    @Test
    void aNoteAndThePartiesTypedInTheWindowReachTheExportedJsonTheSavedFileAndComeBackOnOpen() throws Exception {
        TestBed.requireDocker();
        autosaveAFailWithItsWaiver();
        Path other = config.resolve("other.vetbench");
        AssessmentFiles.save(Assessment.start("Other Vendor", "Other Product", new Assessor("Sam", "", ""),
            Scope.empty(), Instant.now()).withResult(FIXED.id(), result(FIXED, Verdict.PASS), Instant.now()), other);
        Stage stage = open();
        restoreAtStart();

        shortcut(KeyCode.DIGIT5);
        robot.clickOn("#vendorField").write("MediVendor Inc.");
        robot.clickOn("#productField").write("Patient Records Suite");
        robot.clickOn("#assessorField").write("Dana Assessor");
        shortcut(KeyCode.DIGIT4);
        robot.clickOn("#noteText").write(NOTE);
        robot.clickOn("#addNote");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(noteTexts()).containsExactly(NOTE);
        assertThat(robot.lookup("#noteText").queryAs(TextArea.class).getText()).isEmpty();

        shortcut(KeyCode.DIGIT5);
        scrollReportForm(1);
        robot.clickOn("#assessmentNoteText").write(SCOPE_NOTE);
        robot.clickOn("#addAssessmentNote");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#assessmentNotes").lookup(".note-text").queryAllAs(Label.class))
            .extracting(Label::getText).containsExactly(SCOPE_NOTE);
        scrollReportForm(0);
        answers.add(config.resolve("report.pdf"));
        robot.clickOn("#exportReport");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> label("#reportStatus").startsWith("Exported"));
        JsonNode json = new ObjectMapper().readTree(config.resolve("report.json").toFile());
        assertThat(json.path("vendor").asText()).isEqualTo("MediVendor Inc.");
        assertThat(json.path("notes").get(0).path("text").asText()).isEqualTo(NOTE);
        assertThat(json.path("notes").get(0).path("author").asText()).isEqualTo("Dana Assessor");
        assertThat(json.path("notes").get(0).path("versionId").asText()).isEqualTo(FLAWED.id());
        assertThat(json.path("notes").get(1).path("text").asText()).isEqualTo(SCOPE_NOTE);
        assertThat(json.path("notes").get(1).path("versionId").asText()).isEmpty();

        answers.add(config.resolve("medivendor.vetbench"));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.S).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
            () -> titleOf(stage).equals("medivendor.vetbench \u2014 Vetbench"));
        Assessment saved = AssessmentFiles.open(config.resolve("medivendor.vetbench"));
        assertThat(saved.vendor()).isEqualTo("MediVendor Inc.");
        assertThat(saved.product()).isEqualTo("Patient Records Suite");
        assertThat(saved.assessor().name()).isEqualTo("Dana Assessor");
        assertThat(saved.notes()).extracting(Note::text).containsExactly(NOTE, SCOPE_NOTE);

        answers.add(other);
        shortcut(KeyCode.O);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> field("#vendorField").equals("Other Vendor"));
        assertThat(field("#assessorField")).isEqualTo("Sam");

        answers.add(config.resolve("medivendor.vetbench"));
        shortcut(KeyCode.O);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> field("#vendorField").equals("MediVendor Inc."));
        assertThat(field("#productField")).isEqualTo("Patient Records Suite");
        assertThat(robot.lookup("#assessmentNotes").lookup(".note-text").queryAllAs(Label.class))
            .extracting(Label::getText).containsExactly(SCOPE_NOTE);
        shortcut(KeyCode.DIGIT4);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> noteTexts().contains(NOTE));
    }

    @Test
    void quittingWithChangesAsksFirstAndSaveWritesThemBeforeTheWindowCloses() throws Exception {
        TestBed.requireDocker();
        autosaveAFailWithItsWaiver();
        Stage stage = open();
        restoreAtStart();
        answers.add(config.resolve("medivendor"));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.S).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
            () -> titleOf(stage).equals("medivendor.vetbench \u2014 Vetbench"));

        shortcut(KeyCode.DIGIT5);
        robot.clickOn("#vendorField").write("MediVendor Inc.");
        shortcut(KeyCode.Q);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
            () -> robot.lookup("#saveBeforeClosing").tryQuery().isPresent());
        assertThat(robot.lookup("#saveBeforeClosing").queryAs(DialogPane.class).getHeaderText())
            .isEqualTo("Save the changes to medivendor.vetbench before closing?");
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).as("Cancel keeps the window open").isTrue();
        assertThat(titleOf(stage)).isEqualTo("medivendor.vetbench* \u2014 Vetbench");

        shortcut(KeyCode.Q);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
            () -> robot.lookup("#saveBeforeClosing").tryQuery().isPresent());
        robot.clickOn("Save");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !stage.isShowing());
        assertThat(AssessmentFiles.open(config.resolve("medivendor.vetbench")).vendor()).isEqualTo("MediVendor Inc.");
    }

    @Test
    void quittingWithNothingChangedClosesWithoutAsking() throws Exception {
        TestBed.requireDocker();
        Stage stage = open();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !label("#engineVersion").isEmpty());

        shortcut(KeyCode.Q);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !stage.isShowing());
        assertThat(robot.lookup("#saveBeforeClosing").tryQuery()).isEmpty();
    }

    private void scrollReportForm(double position) {
        ScrollPane form = robot.lookup("#reportForm").queryAs(ScrollPane.class);
        robot.interact(() -> form.setVvalue(position));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> noteTexts() {
        return robot.lookup("#notesList").lookup(".note-text").queryAllAs(Label.class).stream()
            .map(Label::getText).toList();
    }

    private String field(String query) {
        return robot.lookup(query).tryQuery().map(node -> ((TextField) node).getText()).orElse("");
    }

    private void autosaveAFailWithItsWaiver() throws InterruptedException {
        AssessmentJournal crashed = new AssessmentJournal(config.resolve("autosave.vetbench"));
        crashed.record("unix:///var/run/docker.sock", FLAWED, result(FLAWED, Verdict.FAIL));
        crashed.waive(new Waiver(FLAWED.id(), "proxy-protocol", JUSTIFICATION, "Chief Information Security Officer",
            LocalDate.now().plusDays(90), Instant.now()));
        crashed.close();
    }

    private Stage open() throws Exception {
        FxToolkit.registerPrimaryStage();
        application = (WorkbenchApplication) FxToolkit.setupApplication(() -> new WorkbenchApplication(
            WorkbenchLauncher.services(new UiSettingsStore(config.resolve("ui.json"))), answering()));
        WaitForAsyncUtils.waitForFxEvents();
        return FxToolkit.toolkitContext().getRegisteredStage();
    }

    private void restoreAtStart() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("Restore").tryQuery().isPresent());
        robot.clickOn("Restore");
        shortcut(KeyCode.DIGIT3);
        awaitCounts("PASS 0   FAIL 1");
    }

    // The platform's file dialogs cannot be driven headless: each dialog takes the next answer the test queued.
    private FileDialogs answering() {
        return new FileDialogs() {
            @Override
            public Optional<Path> save(Window owner, String title, String suggestedName) {
                return Optional.ofNullable(answers.poll());
            }

            @Override
            public Optional<Path> open(Window owner, String title, FileChooser.ExtensionFilter... filters) {
                return Optional.ofNullable(answers.poll());
            }
        };
    }

    private void awaitCounts(String prefix) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> label("#matrixCounts").startsWith(prefix));
    }

    private void shortcut(KeyCode key) {
        robot.press(KeyCode.CONTROL).type(key).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String titleOf(Stage stage) {
        return String.valueOf(stage.getTitle());
    }

    private String label(String query) {
        return robot.lookup(query).tryQuery().map(node -> ((Label) node).getText()).orElse("");
    }

    private static CheckResult result(ImageVersion version, Verdict verdict) {
        return new CheckResult("proxy-protocol", version.id(), verdict, verdict + ": what the log showed.", null,
            Evidence.empty(), Instant.now(), Duration.ofMillis(40));
    }
}

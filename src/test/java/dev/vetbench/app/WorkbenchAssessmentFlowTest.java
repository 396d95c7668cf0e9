package dev.vetbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.testbed.TestBed;
import dev.vetbench.ui.WorkbenchApplication;
import dev.vetbench.ui.common.FileDialogs;
import dev.vetbench.ui.common.UiSettingsStore;
import dev.vetbench.ui.main.Step;
import dev.vetbench.ui.versions.VersionsViewModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives an assessment through the real window on the real test bed: connect, pick the flawed and the fixed front
 * end, run every check, see a FAIL and a PASS, read the evidence and the fix between versions, waive the FAIL,
 * create a signing identity, export the signed PDF and JSON, and verify the PDF from the window.
 * Also measures the longest gap between FX pulses during the run.
 */
class WorkbenchAssessmentFlowTest {

    private static final long IDLE_MILLIS = 5_000;

    @TempDir
    Path config;

    private final FxRobot robot = new FxRobot();
    private WorkbenchApplication application;

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupApplication(application);
        FxToolkit.cleanupStages();
    }

    @Test
    void aWholeAssessmentFromConnectToAVerifiedSignedReport() throws Exception {
        TestBed.requireDocker();
        FxToolkit.registerPrimaryStage();
        Path report = config.resolve("report.pdf");
        application = (WorkbenchApplication) FxToolkit.setupApplication(() -> new WorkbenchApplication(
            WorkbenchLauncher.services(new UiSettingsStore(config.resolve("ui.json"))), answering(report)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !label("#engineVersion").isEmpty());

        shortcut(KeyCode.DIGIT2);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> rowsShown() > 0);
        pick(Set.of(TestBed.FRONTEND_FLAWED, TestBed.FRONTEND_FIXED));
        assertThat(label("#versionsPicked")).isEqualTo("2 versions picked.");

        shortcut(KeyCode.DIGIT3);
        // The same measure with the window idle, as a floor for what the headless toolkit itself does here.
        PulseGaps idle = PulseGaps.begin();
        Thread.sleep(IDLE_MILLIS);
        System.out.println("idle-longest-fx-pulse-gap-ms " + idle.finish() + " fx-thread-cpu-ms " + idle.fxCpuMillis()
            + " of " + idle.wallMillis() + " ms wall");
        PulseGaps gaps = PulseGaps.begin();
        robot.clickOn("#runAll");
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> label("#matrixCounts").endsWith("running 0   queued 0")
            && !label("#matrixCounts").startsWith("PASS 0   FAIL 0   N/A 0   ERROR 0"));
        long longestGapMillis = gaps.finish();
        long fxBusyMillis = gaps.fxCpuMillis();

        List<String> badges = robot.lookup("#checkMatrix").lookup(".verdict-badge").queryAllAs(Label.class).stream()
            .map(Label::getText).filter(text -> !text.isEmpty()).toList();
        assertThat(badges).hasSize(8).contains("PASS", "FAIL").doesNotContain("not run", "queued");
        assertThat(application.window().currentStep()).isEqualTo(Step.CHECKS);
        System.out.println("longest-fx-pulse-gap-ms " + longestGapMillis);
        System.out.println("longest-fx-pulse-gap-ended-at " + gaps.longestEndedAt());
        System.out.println("fx-thread-cpu-ms " + fxBusyMillis + " of " + gaps.wallMillis() + " ms wall");
        // The aim is 100 ms (docs/benchmarks.md has the figures); a loaded CI machine gets ten times that, while
        // Docker or network work on the FX thread (a container start alone takes seconds) would exceed it.
        assertThat(longestGapMillis).as("longest gap between FX pulses during the run").isLessThan(1000);

        shortcut(KeyCode.DIGIT4);
        ListView<?> findings = robot.lookup("#findingsList").queryAs(ListView.class);
        assertThat(findings.getItems()).hasSize(8);
        assertThat(label("#findingSummary")).isNotBlank();
        ListView<?> changes = robot.lookup("#changesList").queryAs(ListView.class);
        assertThat(changes.getItems()).anyMatch(line -> line.toString().startsWith("PROXY protocol")
            && line.toString().endsWith("(fixed)"));

        robot.clickOn("#waiveButton");
        robot.clickOn("#waiverJustification").write("The balancer in production logs the client address itself.");
        robot.clickOn("#waiverApprover").write("Chief Information Security Officer");
        robot.clickOn("Waive");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(label("#waiverText")).startsWith("Waived until ").contains("Chief Information Security Officer");

        robot.clickOn("#step-report");
        robot.clickOn("#vendorField").write("MediVendor Inc.");
        robot.clickOn("#productField").write("Patient Records Suite");
        robot.clickOn("#assessorField").write("Dana Assessor");
        robot.clickOn("#identityFile").write(config.resolve("assessor.p12").toString());
        robot.clickOn("#identityPassword").write("correct horse battery");
        robot.clickOn("#createIdentity");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> label("#signer").startsWith("Signs as Dana Assessor"));
        robot.clickOn("#exportReport");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
            () -> label("#reportStatus").startsWith("Exported the signed report: report.pdf"));
        assertThat(report).exists();
        robot.clickOn("#verifyFile");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !label("#reportStatus").startsWith("Verifying"));
        assertThat(label("#reportStatus")).isEqualTo("report.pdf is signed and unchanged since signing.");
    }

    // The platform's file dialogs cannot be driven headless: every dialog answers with the report's path.
    private static FileDialogs answering(Path file) {
        return new FileDialogs() {
            @Override
            public Optional<Path> save(Window owner, String title, String suggestedName) {
                return Optional.of(file);
            }

            @Override
            public Optional<Path> open(Window owner, String title, FileChooser.ExtensionFilter... filters) {
                return Optional.of(file);
            }
        };
    }

    private void shortcut(KeyCode key) {
        robot.press(KeyCode.CONTROL).type(key).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String label(String query) {
        return robot.lookup(query).tryQuery().map(node -> ((Label) node).getText()).orElse("");
    }

    private int rowsShown() {
        return robot.lookup("#versionsTable").lookup(".table-row-cell").queryAll().stream()
            .filter(node -> ((TableRow<?>) node).getItem() != null).toList().size();
    }

    @SuppressWarnings("unchecked")
    private void pick(Set<String> references) {
        for (Node node : robot.lookup("#versionsTable").lookup(".table-row-cell").queryAll()) {
            TableRow<VersionsViewModel.Item> row = (TableRow<VersionsViewModel.Item>) node;
            if (row.getItem() != null && references.contains(row.getItem().rowProperty().get().reference())) {
                robot.clickOn(robot.from(row).lookup(".check-box").queryAs(CheckBox.class));
            }
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * The longest time between two animation frames: while it runs, the FX thread must pulse every frame. Also the
     * FX thread's own CPU time over the same span, which machine load does not inflate the way it does wall gaps.
     */
    private static final class PulseGaps extends AnimationTimer {
        private final AtomicLong last = new AtomicLong();
        private final AtomicLong longest = new AtomicLong();
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private long fxThreadId;
        private long cpuAtStart;
        private long cpuAtEnd;
        private long wallAtStart;
        private long wallAtEnd;
        private Instant longestEndedAt;

        static PulseGaps begin() throws Exception {
            PulseGaps gaps = new PulseGaps();
            WaitForAsyncUtils.asyncFx(() -> {
                gaps.fxThreadId = Thread.currentThread().getId();
                gaps.cpuAtStart = gaps.threads.getThreadCpuTime(gaps.fxThreadId);
                gaps.wallAtStart = System.nanoTime();
                gaps.start();
            }).get(5, TimeUnit.SECONDS);
            return gaps;
        }

        @Override
        public void handle(long now) {
            long previous = last.getAndSet(now);
            if (previous != 0 && now - previous > longest.get()) {
                longest.set(now - previous);
                longestEndedAt = Instant.now();
            }
        }

        long finish() throws Exception {
            WaitForAsyncUtils.asyncFx(() -> {
                stop();
                cpuAtEnd = threads.getThreadCpuTime(fxThreadId);
                wallAtEnd = System.nanoTime();
            }).get(5, TimeUnit.SECONDS);
            return TimeUnit.NANOSECONDS.toMillis(longest.get());
        }

        long fxCpuMillis() {
            return TimeUnit.NANOSECONDS.toMillis(cpuAtEnd - cpuAtStart);
        }

        Instant longestEndedAt() {
            return longestEndedAt;
        }

        long wallMillis() {
            return TimeUnit.NANOSECONDS.toMillis(wallAtEnd - wallAtStart);
        }
    }
}

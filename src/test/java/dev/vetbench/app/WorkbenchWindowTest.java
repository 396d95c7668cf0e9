package dev.vetbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.assessment.ImageVersion;
import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.Evidence;
import dev.vetbench.checks.Verdict;
import dev.vetbench.testbed.TestBed;
import dev.vetbench.ui.WorkbenchApplication;
import dev.vetbench.ui.WorkbenchServices;
import dev.vetbench.ui.common.AssessmentJournal;
import dev.vetbench.ui.common.UiSettingsStore;
import dev.vetbench.ui.main.Step;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real window headless (Monocle) over the real engine wiring. */
class WorkbenchWindowTest {

    @TempDir
    Path config;

    private final FxRobot robot = new FxRobot();
    private WorkbenchApplication application;

    @AfterEach
    void closeWindow() throws Exception {
        System.clearProperty("vetbench.docker.host");
        FxToolkit.cleanupApplication(application);
        FxToolkit.cleanupStages();
    }

    @Test
    void theWindowOpensOnTheHostStepWithAllFiveSteps() throws Exception {
        Stage stage = open();

        assertThat(stage.isShowing()).isTrue();
        assertThat(stage.getTitle()).isEqualTo("Vetbench");
        for (Step step : Step.values()) {
            assertThat(robot.lookup("#step-" + step.name().toLowerCase(Locale.ROOT)).tryQuery()).isPresent();
        }
        assertThat(application.window().currentStep()).isEqualTo(Step.HOST);
    }

    @Test
    void aDeadHostShowsTheNoEngineSentenceAndNeverHangs() throws Exception {
        System.setProperty("vetbench.docker.host", "tcp://127.0.0.1:1");
        open();

        String sentence = awaitText("#errorSentence", text -> !text.isEmpty());

        assertThat(sentence).isEqualTo("No Docker engine answers at tcp://127.0.0.1:1. Check that the engine "
            + "listens there and that no firewall is in the way, or enter another host below.");
        assertThat(text("#errorCode")).matches("Error code VB-[0-9A-F]{4}-[0-9A-F]{4}");
        assertThat(text("#hostStatus")).isEqualTo("Not connected to a Docker engine.");
        assertThat(text("#statusEngine")).isEqualTo("No Docker engine");
    }

    @Test
    void theRealEngineConnectsAndShowsItsVersion() throws Exception {
        TestBed.requireDocker();
        open();

        String version = awaitText("#engineVersion", text -> !text.isEmpty());

        assertThat(version).matches("\\d+\\.\\d+.*");
        assertThat(text("#hostStatus")).startsWith("Connected to Docker Engine " + version);
        assertThat(text("#storageDriver")).isNotBlank();
        assertThat(text("#statusEngine")).startsWith("Docker " + version);
    }

    @Test
    void ctrlDigitsMoveBetweenStepsAndTheThemeSwitchIsRemembered() throws Exception {
        System.setProperty("vetbench.docker.host", "tcp://127.0.0.1:1");
        open();

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(application.window().currentStep()).isEqualTo(Step.CHECKS);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT5).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(application.window().currentStep()).isEqualTo(Step.REPORT);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.D).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(settings().load().dark()).isTrue();
    }

    @Test
    void theAboutBoxNamesTheJavaAndJavaFxVersions() throws Exception {
        open();

        robot.clickOn("Help").clickOn("About Vetbench");
        WaitForAsyncUtils.waitForFxEvents();

        List<String> texts = robot.lookup("#aboutDialog").lookup(".label").queryAllAs(Label.class).stream()
            .map(Label::getText).toList();
        assertThat(texts).contains("Java", "JavaFX", "Docker engine")
            .anyMatch(text -> text.startsWith(System.getProperty("java.version") + " ("))
            .contains(System.getProperty("javafx.runtime.version"));
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void anUnfinishedAssessmentIsOfferedAndRestoredIntoTheMatrix() throws Exception {
        TestBed.requireDocker();
        ImageVersion flawed = new ImageVersion(TestBed.FRONTEND, "1.4.2", "sha256:" + "1".repeat(64));
        AssessmentJournal crashed = new AssessmentJournal(config.resolve("autosave.vetbench"));
        crashed.record("unix:///var/run/docker.sock", flawed, new CheckResult("proxy-protocol",
            TestBed.FRONTEND_FLAWED, Verdict.FAIL, "The log shows the balancer's address.", null, Evidence.empty(),
            Instant.now(), Duration.ofMillis(40)));
        crashed.close();
        open();

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("Restore").tryQuery().isPresent());
        robot.clickOn("Restore");
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#checkMatrix").lookup(".verdict-badge")
            .queryAllAs(Label.class).stream().anyMatch(badge -> badge.getText().equals("FAIL")));
        assertThat(robot.lookup("#matrixCounts").queryAs(Label.class).getText()).startsWith("PASS 0   FAIL 1");
    }

    private Stage open() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        WorkbenchServices services = WorkbenchLauncher.services(settings());
        application = (WorkbenchApplication) FxToolkit.setupApplication(() -> new WorkbenchApplication(services));
        WaitForAsyncUtils.waitForFxEvents();
        return FxToolkit.toolkitContext().getRegisteredStage();
    }

    private UiSettingsStore settings() {
        return new UiSettingsStore(config.resolve("ui.json"));
    }

    private String text(String query) {
        Node node = robot.lookup(query).query();
        return ((Label) node).getText();
    }

    private String awaitText(String query, Predicate<String> ready) throws Exception {
        Supplier<String> current = () -> robot.lookup(query).tryQuery().map(n -> ((Label) n).getText()).orElse("");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> ready.test(current.get()));
        return current.get();
    }
}

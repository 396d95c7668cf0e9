package dev.vetbench.ui.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.checks.CheckResult;
import dev.vetbench.docker.TargetProfile;
import dev.vetbench.docker.TargetProfiles;
import dev.vetbench.ui.common.BackgroundTasks;
import dev.vetbench.ui.versions.VersionRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Checks screen's "Edit profile..." dialog, headless, saving to a real profile folder. */
class ProfileEditorWindowTest {

    private static final VersionRow VERSION = new VersionRow("vetbench/frontend", "1.4.2",
        "sha256:" + "a".repeat(64), 1, Instant.now(), true);

    @TempDir
    Path folder;

    private final FxRobot robot = new FxRobot();
    private final BackgroundTasks tasks = new BackgroundTasks(BackgroundTasks.boundedWorkers(1), Platform::runLater);

    @AfterEach
    void close() throws Exception {
        tasks.close();
        FxToolkit.cleanupStages();
    }

    @Test
    void aWrongPortKeepsTheDialogOpenWithTheTextAndTheFixedProfileIsSavedForTheVersion() throws Exception {
        TargetProfiles saved = new TargetProfiles(folder);
        open(saved);

        robot.clickOn("#editProfile");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#profileEditor").tryQuery().isPresent());
        TextField ports = robot.lookup("#profile-ports").queryAs(TextField.class);
        robot.interact(() -> ports.setText("443, 80, web"));
        robot.interact(() -> okButton().fire());

        assertThat(robot.lookup("#profileEditor").tryQuery()).isPresent();
        assertThat(robot.lookup("#profile-ports-error").queryAs(Label.class).getText())
            .isEqualTo("Give container ports as numbers from 1 to 65535 separated by commas; 'web' is not one.");
        assertThat(ports.getText()).isEqualTo("443, 80, web");

        robot.interact(() -> ports.setText("443, 80, 8443"));
        robot.interact(() -> robot.lookup("#profile-deadline").queryAs(TextField.class).setText("45"));
        robot.interact(() -> okButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#profileStatus")
            .queryAs(Label.class).getText().isEmpty());

        TargetProfile profile = saved.find(VersionProfiles.savedName(VERSION)).orElseThrow();
        assertThat(Files.exists(folder.resolve("version-vetbench_frontend_1.4.2.json"))).isTrue();
        assertThat(profile.ports()).containsExactly(443, 80, 8443);
        assertThat(profile.deadline().toSeconds()).isEqualTo(45);
        assertThat(robot.lookup("#profileStatus").queryAs(Label.class).getText())
            .isEqualTo("Saved the profile of vetbench/frontend:1.4.2; its next run uses it.");
    }

    private Button okButton() {
        return (Button) robot.lookup("#profileEditor").queryAs(DialogPane.class).lookupButton(ButtonType.OK);
    }

    private void open(TargetProfiles saved) throws Exception {
        FxToolkit.registerPrimaryStage();
        VersionProfiles profiles = new VersionProfiles() {
            @Override
            public TargetProfile profileFor(VersionRow version) {
                return saved.find(VersionProfiles.savedName(version))
                    .orElseGet(() -> TargetProfiles.builtIn("nginx-tls-frontend"));
            }

            @Override
            public void save(VersionRow version, TargetProfile profile) {
                saved.save(profile);
            }
        };
        FxToolkit.setupStage(stage -> {
            CheckMatrixViewModel matrix = new CheckMatrixViewModel(new NoChecksRun(), tasks);
            ChecksView view = new ChecksView(matrix, FXCollections.observableArrayList(VERSION));
            matrix.setVersions(List.of(VERSION));
            view.useProfiles(profiles, tasks);
            stage.setScene(new Scene((javafx.scene.Parent) view.view(), 1200, 800));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#checkMatrix").queryAs(TableView.class).getSelectionModel().select(0));
    }

    /** The matrix needs checks to show; none is run in this test. */
    private static final class NoChecksRun implements CheckEngine {
        @Override
        public List<CheckInfo> checks() {
            return List.of(new CheckInfo("heartbleed", "Heartbleed", "164.312(e)(1)"));
        }

        @Override
        public CheckResult run(String checkId, VersionRow version, Consumer<String> log, BooleanSupplier cancelled) {
            throw new AssertionError("no check runs in this test");
        }
    }
}

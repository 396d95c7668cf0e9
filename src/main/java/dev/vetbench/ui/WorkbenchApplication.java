package dev.vetbench.ui;

import dev.vetbench.assessment.Assessment;
import dev.vetbench.assessment.AssessmentFiles;
import dev.vetbench.assessment.ImageVersion;
import dev.vetbench.checks.CheckResult;
import dev.vetbench.ui.checks.CheckMatrixViewModel;
import dev.vetbench.ui.checks.ChecksView;
import dev.vetbench.ui.common.AssessmentDocument;
import dev.vetbench.ui.common.AssessmentJournal;
import dev.vetbench.ui.common.BackgroundTasks;
import dev.vetbench.ui.common.FileDialogs;
import dev.vetbench.ui.common.UiSettings;
import dev.vetbench.ui.common.UiSettings.WindowPlacement;
import dev.vetbench.ui.common.UiSettingsStore;
import dev.vetbench.ui.common.WorkbenchScreen;
import dev.vetbench.ui.findings.FindingsView;
import dev.vetbench.ui.findings.FindingsViewModel;
import dev.vetbench.ui.host.HostView;
import dev.vetbench.ui.host.HostViewModel;
import dev.vetbench.ui.main.MainWindow;
import dev.vetbench.ui.main.Step;
import dev.vetbench.ui.report.AssessmentNotesViewModel;
import dev.vetbench.ui.report.ReportView;
import dev.vetbench.ui.report.ReportViewModel;
import dev.vetbench.ui.versions.VersionsView;
import dev.vetbench.ui.versions.VersionRow;
import dev.vetbench.ui.versions.VersionsViewModel;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.image.Image;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workbench window.
 *
 * <p>System properties: {@code vetbench.ui.step} opens a given step first (host, versions, checks, findings,
 * report); {@code vetbench.ui.exitAfterStartup=true} prints the launch-to-interactive time and exits;
 * {@code vetbench.ui.pick} picks versions (comma-separated references) once the engine has listed them, and
 * {@code vetbench.ui.runAll=true} then runs every check on them (for demos and the screenshot walk).
 */
public final class WorkbenchApplication extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchApplication.class);
    private static final ButtonType RESTORE = new ButtonType("Restore", ButtonBar.ButtonData.OK_DONE);
    private static final ButtonType DISCARD = new ButtonType("Discard", ButtonBar.ButtonData.CANCEL_CLOSE);
    private static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    private static final ButtonType DONT_SAVE = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
    private static volatile WorkbenchServices launchServices;

    private final WorkbenchServices services;
    private final FileDialogs dialogs;
    private BackgroundTasks tasks;
    private BackgroundTasks checkTasks;
    private AssessmentJournal journal;
    private WindowAssessment entered;
    private MainWindow window;
    private AssessmentDocument document;

    /** Used by {@link Application#launch}: takes the services handed to {@link #useServices}. */
    public WorkbenchApplication() {
        this(Objects.requireNonNull(launchServices, "WorkbenchApplication.useServices was not called"));
    }

    public WorkbenchApplication(WorkbenchServices services) {
        this(services, FileDialogs.platform());
    }

    /** With file dialogs of the caller's choosing (tests answer them without a platform dialog). */
    public WorkbenchApplication(WorkbenchServices services, FileDialogs dialogs) {
        this.services = services;
        this.dialogs = dialogs;
    }

    /** Hands the services to the instance that {@link Application#launch} will create. */
    public static void useServices(WorkbenchServices services) {
        launchServices = services;
    }

    @Override
    public void start(Stage stage) {
        LOG.debug("FX toolkit up {} ms after JVM start", sinceJvmStart());
        UiSettingsStore store = services.settings();
        UiSettings settings = store.load();
        tasks = BackgroundTasks.forFxApplication();
        journal = AssessmentJournal.besideSettings(store);
        entered = new WindowAssessment(journal, WindowAssessment.TYPING_PAUSE);
        HostViewModel host = new HostViewModel(services.engines(), tasks, settings.recentHosts(),
            uri -> store.save(store.load().withRecentHost(uri)));

        VersionsViewModel versions = new VersionsViewModel(tasks);
        host.engineProperty().addListener((obs, old, engine) -> versions.useCatalog(
            engine == null ? null : services.catalogs().apply(engine.host())));

        CheckMatrixViewModel matrix = null;
        if (services.checks() != null) {
            checkTasks = new BackgroundTasks(BackgroundTasks.boundedWorkers(2), Platform::runLater);
            matrix = new CheckMatrixViewModel(services.checks(), checkTasks);
            CheckMatrixViewModel rows = matrix;
            versions.selected().addListener((ListChangeListener<VersionRow>) change ->
                rows.setVersions(versions.selected()));
            matrix.onFinished(cell -> journal.record(hostUri(host), new ImageVersion(cell.version().repository(),
                cell.version().tag(), cell.version().digest()), cell.resultProperty().get()));
        }

        pickOnceListed(versions, matrix);
        window = new MainWindow(createScreens(host, versions, matrix), host, store);
        window.restoreTheme(settings.dark());
        Scene scene = new Scene(window.root(), 1180, 760);
        scene.getStylesheets().add(Objects.requireNonNull(
            WorkbenchApplication.class.getResource("workbench.css")).toExternalForm());
        stage.setScene(scene);
        document = new AssessmentDocument(journal, tasks);
        stage.titleProperty().bind(document.title());
        CheckMatrixViewModel loadInto = matrix;
        window.useFileActions(new MainWindow.FileActions(() -> openFile(stage, versions, loadInto),
            () -> save(stage), () -> saveAs(stage), () -> closeUnlessKept(stage)));
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        restorePlacement(stage, settings.window());
        stage.setOnCloseRequest(event -> {
            event.consume();
            closeUnlessKept(stage);
        });
        stage.setOnHiding(event -> store.save(store.load().withWindow(placementOf(stage))));

        window.select(Step.parse(System.getProperty("vetbench.ui.step", "host")));
        stage.getIcons().addAll(icons());
        LOG.debug("Window built {} ms after JVM start", sinceJvmStart());
        // Connect once the window is up: loading the Docker client competes with the first layout for the CPU.
        CheckMatrixViewModel restoreInto = matrix;
        whenInteractive(scene, () -> {
            host.connectDefault();
            offerRestore(stage, versions, restoreInto);
        });
        stage.show();
    }

    @Override
    public void stop() throws InterruptedException {
        if (tasks != null) {
            tasks.close();
        }
        if (checkTasks != null) {
            checkTasks.close();
        }
        if (entered != null) {
            entered.close();
        }
        if (journal != null) {
            journal.close();
        }
    }

    private Map<Step, Supplier<WorkbenchScreen>> createScreens(HostViewModel host,
            VersionsViewModel versions, CheckMatrixViewModel matrix) {
        BackgroundTasks reportTasks = tasks;
        Map<Step, Supplier<WorkbenchScreen>> screens = new EnumMap<>(Step.class);
        screens.put(Step.HOST, () -> new HostView(host));
        screens.put(Step.VERSIONS, () -> new VersionsView(versions, host.engineProperty().isNotNull()));
        screens.put(Step.CHECKS, () -> {
            ChecksView checks = new ChecksView(matrix, versions.selected());
            checks.useProfiles(services.profiles(), reportTasks);
            return checks;
        });
        screens.put(Step.FINDINGS, () -> new FindingsView(matrix == null ? null
            : new FindingsViewModel(matrix, entered.waivers(), entered::waive, entered.notes(), entered::addNote,
                entered::author)));
        screens.put(Step.REPORT, () -> {
            ReportViewModel report = new ReportViewModel(reportTasks, () -> entries(matrix), () -> hostUri(host),
                () -> List.copyOf(entered.waivers().values()), () -> List.copyOf(entered.notes()));
            entered.bindParties(report);
            return new ReportView(report, new AssessmentNotesViewModel(entered.notes(), entered::addNote,
                entered::author), dialogs);
        });
        return screens;
    }

    private static void pickOnceListed(VersionsViewModel versions, CheckMatrixViewModel matrix) {
        List<String> wanted = List.of(System.getProperty("vetbench.ui.pick", "").split(",")).stream()
            .map(String::strip).filter(text -> !text.isEmpty()).toList();
        pickOnceListed(versions, wanted, matrix != null && Boolean.getBoolean("vetbench.ui.runAll") ? matrix::runAll
            : () -> { });
    }

    // Picks the versions once the engine has listed them, then runs the follow-up.
    private static void pickOnceListed(VersionsViewModel versions, List<String> wanted, Runnable then) {
        if (wanted.isEmpty()) {
            return;
        }
        AtomicBoolean picked = new AtomicBoolean();
        Runnable pick = () -> {
            List<VersionsViewModel.Item> present = versions.items().stream()
                .filter(item -> wanted.contains(item.rowProperty().get().reference())).toList();
            if (present.isEmpty() || picked.getAndSet(true)) {
                return;
            }
            // Later, once the list has settled and the matrix has its rows.
            Platform.runLater(() -> {
                present.forEach(item -> item.selectedProperty().set(true));
                Platform.runLater(then);
            });
        };
        versions.items().addListener((ListChangeListener<VersionsViewModel.Item>) change -> pick.run());
        pick.run(); // The engine may have listed them already.
    }

    private static String hostUri(HostViewModel host) {
        return host.engineProperty().get() == null ? "" : host.engineProperty().get().host().uri();
    }

    // An assessment an earlier run did not finish (a crash, a kill): offer to bring its results back.
    private void offerRestore(Stage stage, VersionsViewModel versions, CheckMatrixViewModel matrix) {
        if (matrix == null) {
            return;
        }
        tasks.create(journal::leftOver).onSuccess(found -> found.ifPresent(assessment -> {
            Alert ask = new Alert(Alert.AlertType.CONFIRMATION, null, RESTORE, DISCARD);
            ask.initOwner(stage);
            ask.setTitle("Restore the unfinished assessment?");
            ask.setHeaderText("Vetbench found an assessment that was not finished: " + assessment.results().size()
                + " results, last saved " + assessment.updatedAt().toString().replace('T', ' ') + ".");
            ask.setContentText("Restore brings its versions and results back; Discard starts afresh.");
            if (ask.showAndWait().orElse(DISCARD) == RESTORE) {
                restore(assessment, versions, matrix);
            } else {
                tasks.create(() -> {
                    journal.discard();
                    return null;
                }).start();
            }
        })).start();
    }

    // Closing with changes since the last Save asks first. Don't save still leaves them in the autosave file, which
    // the next start offers to restore.
    private void closeUnlessKept(Stage stage) {
        // What was typed just now reaches the document's modified flag only after the journal has written it.
        boolean typedJustNow = entered.flush();
        if (!typedJustNow && !document.modifiedProperty().get()) {
            stage.hide();
            return;
        }
        Path file = document.fileProperty().get();
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, null, SAVE, DONT_SAVE, ButtonType.CANCEL);
        ask.initOwner(stage);
        ask.setTitle("Save changes?");
        ask.getDialogPane().setId("saveBeforeClosing");
        ask.setHeaderText(file == null ? "Save this assessment before closing?"
            : "Save the changes to " + file.getFileName() + " before closing?");
        ask.setContentText("Don't save keeps them only in the autosave file, offered at the next start.");
        ButtonType answer = ask.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == DONT_SAVE) {
            stage.hide();
        } else if (answer == SAVE) {
            Consumer<String> failed = sentence -> showFileError(stage, sentence);
            if (file != null) {
                document.saveAs(file, failed, stage::hide);
            } else {
                dialogs.save(stage, "Save assessment as", "assessment" + AssessmentFiles.EXTENSION)
                    .ifPresent(path -> document.saveAs(path, failed, stage::hide));
            }
        }
    }

    private void save(Stage stage) {
        entered.flush();
        if (!document.save(sentence -> showFileError(stage, sentence))) {
            saveAs(stage);
        }
    }

    private void saveAs(Stage stage) {
        entered.flush();
        Path current = document.fileProperty().get();
        String suggested = current == null ? "assessment" + AssessmentFiles.EXTENSION
            : current.getFileName().toString();
        dialogs.save(stage, "Save assessment as", suggested)
            .ifPresent(path -> document.saveAs(path, sentence -> showFileError(stage, sentence)));
    }

    private void openFile(Stage stage, VersionsViewModel versions, CheckMatrixViewModel matrix) {
        entered.flush();
        dialogs.open(stage, "Open assessment", new FileChooser.ExtensionFilter("Vetbench assessments",
            "*" + AssessmentFiles.EXTENSION)).ifPresent(path -> document.open(path,
                opened -> load(opened, versions, matrix), sentence -> showFileError(stage, sentence)));
    }

    // An opened or restored assessment takes the place of the current one: its results, what the assessor entered
    // beside them, and the versions picked.
    private void load(Assessment assessment, VersionsViewModel versions, CheckMatrixViewModel matrix) {
        entered.load(assessment);
        if (matrix != null) {
            Map<String, List<CheckResult>> results = resultsByVersion(assessment);
            matrix.clearResults();
            matrix.restore(results);
            versions.items().stream()
                .filter(item -> !results.containsKey(item.rowProperty().get().reference()))
                .forEach(item -> item.selectedProperty().set(false));
            // Limitation: results of versions the connected engine does not list stay in the file but out of
            // the matrix, so the findings and the report leave them out.
            pickOnceListed(versions, List.copyOf(results.keySet()), () -> { });
        }
        window.reshow();
    }

    private static Map<String, List<CheckResult>> resultsByVersion(Assessment assessment) {
        Map<String, List<CheckResult>> results = new HashMap<>();
        assessment.results().forEach(entry -> results.computeIfAbsent(entry.versionId(), id -> new ArrayList<>())
            .add(entry.result()));
        return results;
    }

    private static void showFileError(Stage stage, String sentence) {
        Alert alert = new Alert(Alert.AlertType.ERROR, sentence, ButtonType.OK);
        alert.initOwner(stage);
        alert.setTitle("Assessment file");
        alert.setHeaderText(null);
        alert.getDialogPane().setId("fileError");
        alert.show();
    }

    private void restore(Assessment assessment, VersionsViewModel versions, CheckMatrixViewModel matrix) {
        tasks.create(() -> {
            journal.resume();
            return null;
        }).onSuccess(ignored -> load(assessment, versions, matrix)).start();
    }

    private static List<ReportViewModel.Entry> entries(CheckMatrixViewModel matrix) {
        return matrix == null ? List.of() : matrix.finishedCells().stream()
            .map(cell -> new ReportViewModel.Entry(cell.version().repository(), cell.version().tag(),
                cell.version().digest(), cell.resultProperty().get()))
            .toList();
    }

    // Launch-to-interactive: from JVM start (RuntimeMXBean) to the first layout pulse after the stage is shown.
    private static void whenInteractive(Scene scene, Runnable next) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            long millis = sinceJvmStart();
            LOG.info("Window interactive {} ms after JVM start", millis);
            Platform.runLater(next);
            if (Boolean.getBoolean("vetbench.ui.exitAfterStartup")) {
                System.out.println("launch-to-interactive-ms " + millis + " cpu-ms " + processCpuMillis());
                Platform.runLater(Platform::exit);
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }

    private static long processCpuMillis() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
            ? os.getProcessCpuTime() / 1_000_000 : -1;
    }

    private static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    private static List<Image> icons() {
        return Stream.of(16, 32, 64, 256)
            .map(size -> WorkbenchApplication.class.getResource("icons/vetbench-" + size + ".png"))
            .filter(Objects::nonNull)
            .map(url -> new Image(url.toExternalForm(), true))
            .toList();
    }

    private static void restorePlacement(Stage stage, WindowPlacement placement) {
        if (placement == null) {
            return;
        }
        Rectangle2D bounds = new Rectangle2D(placement.x(), placement.y(), placement.width(), placement.height());
        if (Screen.getScreensForRectangle(bounds).isEmpty()) {
            return; // The screen it was on is gone (a laptop off its dock): let the platform place it.
        }
        stage.setX(placement.x());
        stage.setY(placement.y());
        stage.setWidth(placement.width());
        stage.setHeight(placement.height());
        stage.setMaximized(placement.maximized());
    }

    private static WindowPlacement placementOf(Stage stage) {
        return new WindowPlacement(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
            stage.isMaximized());
    }

    /** The window, for tests and the screenshot walk. */
    public MainWindow window() {
        return window;
    }
}

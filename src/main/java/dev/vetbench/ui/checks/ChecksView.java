package dev.vetbench.ui.checks;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.vetbench.checks.Verdict;
import dev.vetbench.ui.checks.CheckMatrixViewModel.Cell;
import dev.vetbench.ui.checks.CheckMatrixViewModel.CellState;
import dev.vetbench.ui.checks.CheckMatrixViewModel.Row;
import dev.vetbench.docker.DockerException;
import dev.vetbench.docker.TargetProfile;
import dev.vetbench.ui.common.BackgroundTasks;
import dev.vetbench.ui.common.EmptyState;
import dev.vetbench.ui.common.WorkbenchScreen;
import dev.vetbench.ui.versions.VersionRow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The Checks screen: versions × checks, run a cell, a version, a check or everything, with a live log. */
public final class ChecksView implements WorkbenchScreen {

    private final CheckMatrixViewModel model;
    private final ObservableList<?> versions;
    private final StackPane root = new StackPane();
    private final EmptyState empty = new EmptyState(Material2AL.FACT_CHECK);
    private final TableView<Row> table = new TableView<>();
    private final SimpleObjectProperty<Instant> clock = new SimpleObjectProperty<>(Instant.now());
    private final ObservableBooleanValue runnable;
    private final Node content;
    private final Label profileStatus = new Label();
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(false);
    private VersionProfiles profiles;
    private BackgroundTasks profileTasks;

    /** The screen over a check engine; {@code model} is null when this build has none wired in. */
    public ChecksView(CheckMatrixViewModel model, ObservableList<?> pickedVersions) {
        this.model = model;
        this.versions = pickedVersions;
        this.runnable = model == null ? new ReadOnlyBooleanWrapper(false)
            : Bindings.isNotEmpty(model.rows()).and(model.busyProperty().not());
        this.content = model == null ? null : createContent();
        versions.addListener((ListChangeListener<Object>) change -> update());
        update();
    }

    private void update() {
        if (model == null) {
            // Only when the wiring hands over no check engine: say so rather than show a matrix that cannot run.
            empty.show("Check engine not available", "This build has no check engine wired in, so no checks "
                + "can run from the window yet.");
            root.getChildren().setAll(empty);
        } else if (versions.isEmpty()) {
            empty.show("No versions picked yet", "Pick image versions on the Versions screen (Ctrl+2); the "
                + "matrix of versions × checks appears here, ready to run.");
            root.getChildren().setAll(empty);
        } else {
            root.getChildren().setAll(content);
        }
    }

    /** Turns on "Edit profile..." for the selected version, reading and saving profiles off the FX thread. */
    public void useProfiles(VersionProfiles versionProfiles, BackgroundTasks tasks) {
        this.profiles = versionProfiles;
        this.profileTasks = tasks;
        editable.set(versionProfiles != null);
    }

    /** Opens the profile editor for this version (the "Edit profile..." button on the selected row). */
    public void editProfile(VersionRow version) {
        profileTasks.create(() -> profiles.profileFor(version))
            .onSuccess(profile -> showEditor(version, profile))
            .onError(e -> profileStatus.setText(sentence(e,
                "Could not read the profile of " + version.reference() + "; check the engine connection.")))
            .start();
    }

    private void showEditor(VersionRow version, TargetProfile profile) {
        String name = profile.name().startsWith("version-") ? profile.name() : VersionProfiles.savedName(version);
        ProfileEditorViewModel editor = new ProfileEditorViewModel(profile, name);
        new ProfileEditorDialog(root.getScene().getWindow(), version.reference(), editor).dialog().showAndWait()
            .ifPresent(edited -> profileTasks.create(() -> {
                profiles.save(version, edited);
                return edited;
            }).onSuccess(saved -> profileStatus.setText("Saved the profile of " + version.reference()
                + "; its next run uses it."))
                .onError(e -> profileStatus.setText(sentence(e, "Could not save the profile of "
                    + version.reference() + "; check that the profile folder is writable.")))
                .start());
    }

    // The engine's own sentences (DockerException) already say what failed and what to do.
    private static String sentence(Throwable e, String fallback) {
        return e instanceof DockerException ? e.getMessage() : fallback;
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void run() {
        if (model != null) {
            model.runAll();
        }
    }

    @Override
    public void cancel() {
        if (model != null) {
            model.cancelAll();
        }
    }

    @Override
    public ObservableBooleanValue runnable() {
        return runnable;
    }

    private Node createContent() {
        VBox top = new VBox(12, createHeader(), createToolbar(), createTable(), createLegend());
        top.setPadding(new Insets(24, 32, 8, 32));
        VBox.setVgrow(table, Priority.ALWAYS);
        SplitPane split = new SplitPane(top, createLog());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        startClock();
        return split;
    }

    private Node createHeader() {
        Label title = new Label("Checks");
        title.getStyleClass().add(Styles.TITLE_2);
        Label hint = new Label("Each cell starts the version from its profile, runs one check, and removes the "
            + "target. Right-click a cell to run its version or its check.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        return new VBox(4, title, hint);
    }

    private Node createToolbar() {
        Button all = button("Run all", Material2MZ.PLAY_ARROW, model::runAll);
        all.setId("runAll");
        all.getStyleClass().add(Styles.ACCENT);
        all.disableProperty().bind(Bindings.isEmpty(model.rows()));
        Button cell = button("Run cell", Material2MZ.PLAY_CIRCLE_OUTLINE, () -> selected().ifPresent(model::run));
        Button row = button("Run version", Material2MZ.PLAYLIST_PLAY,
            () -> selectedRow().ifPresent(model::runRow));
        Button column = button("Run check", Material2MZ.VIEW_COLUMN,
            () -> selected().ifPresent(c -> model.runColumn(c.check().id())));
        cell.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        row.disableProperty().bind(cell.disableProperty());
        column.disableProperty().bind(cell.disableProperty());
        Button cancel = button("Cancel", Material2MZ.STOP, model::cancelAll);
        cancel.setId("cancelChecks");
        cancel.disableProperty().bind(model.busyProperty().not());
        Button profile = button("Edit profile...", Material2MZ.TUNE,
            () -> selectedRow().ifPresent(r -> editProfile(r.version())));
        profile.setId("editProfile");
        profile.disableProperty().bind(cell.disableProperty().or(editable.not()));
        profileStatus.setId("profileStatus");
        profileStatus.getStyleClass().add(Styles.TEXT_MUTED);
        HBox bar = new HBox(8, all, cell, row, column, profile, profileStatus, new Spacer(), cancel);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static Button button(String text, Ikon icon, Runnable action) {
        Button button = new Button(text, new FontIcon(icon));
        button.setOnAction(event -> action.run());
        return button;
    }

    private Node createTable() {
        table.setId("checkMatrix");
        table.setItems(model.rows());
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().add("check-matrix");

        TableColumn<Row, String> version = new TableColumn<>("Version");
        version.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().version().reference()));
        version.setPrefWidth(260);
        version.setMinWidth(230);
        table.getColumns().add(version);
        for (CheckInfo check : model.checks()) {
            TableColumn<Row, Cell> column = new TableColumn<>(check.title());
            column.setUserData(check.id());
            column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().cell(check.id())));
            column.setCellFactory(col -> new MatrixCell(clock));
            column.setPrefWidth(220);
            column.setMinWidth(150);
            column.setSortable(false);
            table.getColumns().add(column);
        }
        table.setContextMenu(createContextMenu());
        return table;
    }

    private ContextMenu createContextMenu() {
        MenuItem cell = new MenuItem("Run this check on this version");
        cell.setOnAction(event -> selected().ifPresent(model::run));
        MenuItem row = new MenuItem("Run every check on this version");
        row.setOnAction(event -> selectedRow().ifPresent(model::runRow));
        MenuItem column = new MenuItem("Run this check on every version");
        column.setOnAction(event -> selected().ifPresent(c -> model.runColumn(c.check().id())));
        MenuItem profile = new MenuItem("Edit profile...");
        profile.disableProperty().bind(editable.not());
        profile.setOnAction(event -> selectedRow().ifPresent(r -> editProfile(r.version())));
        return new ContextMenu(cell, row, column, profile);
    }

    private Optional<Cell> selected() {
        List<TablePosition> cells = table.getSelectionModel().getSelectedCells();
        if (cells.isEmpty() || cells.get(0).getTableColumn() == null
            || !(cells.get(0).getTableColumn().getUserData() instanceof String checkId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(table.getItems().get(cells.get(0).getRow()).cell(checkId));
    }

    private Optional<Row> selectedRow() {
        return Optional.ofNullable(table.getSelectionModel().getSelectedItem());
    }

    private Node createLegend() {
        Label counts = new Label();
        counts.setId("matrixCounts");
        counts.getStyleClass().add(Styles.TEXT_MUTED);
        counts.textProperty().bind(Bindings.createStringBinding(this::countText, clock, model.rows()));
        return counts;
    }

    private String countText() {
        long[] count = new long[Verdict.values().length];
        long queued = 0;
        long running = 0;
        for (Row row : model.rows()) {
            for (CheckInfo check : model.checks()) {
                Cell cell = row.cell(check.id());
                CellState state = cell.stateProperty().get();
                queued += state == CellState.QUEUED ? 1 : 0;
                running += state == CellState.RUNNING ? 1 : 0;
                if (cell.resultProperty().get() != null) {
                    count[cell.resultProperty().get().verdict().ordinal()]++;
                }
            }
        }
        return "PASS " + count[Verdict.PASS.ordinal()] + "   FAIL " + count[Verdict.FAIL.ordinal()]
            + "   N/A " + count[Verdict.NOT_APPLICABLE.ordinal()] + "   ERROR " + count[Verdict.ERROR.ordinal()]
            + "   running " + running + "   queued " + queued;
    }

    private Node createLog() {
        ListView<String> log = new ListView<>(model.log());
        log.setId("checkLog");
        log.getStyleClass().addAll("monospace", "check-log");
        log.setFixedCellSize(22);
        // One scroll per burst of lines, not one per line.
        AtomicBoolean scrollPending = new AtomicBoolean();
        model.log().addListener((ListChangeListener<String>) change -> {
            if (!scrollPending.getAndSet(true)) {
                Platform.runLater(() -> {
                    scrollPending.set(false);
                    log.scrollTo(model.log().size() - 1);
                });
            }
        });
        Label caption = new Label("Engine log");
        caption.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.TEXT_SMALL);
        VBox box = new VBox(4, caption, log);
        box.setPadding(new Insets(8, 32, 12, 32));
        VBox.setVgrow(log, Priority.ALWAYS);
        return box;
    }

    // Ticks ten times a second while anything runs, so running cells show their elapsed time.
    private void startClock() {
        Timeline ticker = new Timeline(new KeyFrame(Duration.millis(100), event -> clock.set(Instant.now())));
        ticker.setCycleCount(Timeline.INDEFINITE);
        model.busyProperty().addListener((obs, old, busy) -> {
            clock.set(Instant.now());
            if (busy) {
                ticker.play();
            } else {
                ticker.stop();
            }
        });
    }
}

package dev.vetbench.ui.versions;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.vetbench.ui.common.EmptyState;
import dev.vetbench.ui.common.ErrorPane;
import dev.vetbench.ui.common.PathConverter;
import dev.vetbench.ui.common.Formats;
import dev.vetbench.ui.common.WorkbenchScreen;
import dev.vetbench.ui.versions.VersionsViewModel.Item;
import java.io.File;
import java.time.Instant;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The Versions screen: repositories and tags from the host and from registries; pick the ones to assess. */
public final class VersionsView implements WorkbenchScreen {

    private final VersionsViewModel model;
    private final EmptyState empty = new EmptyState(Material2AL.LAYERS);
    private final StackPane root = new StackPane();
    private final VBox content;
    private final ObservableBooleanValue connected;
    private final ObservableBooleanValue runnable;

    public VersionsView(VersionsViewModel model, ObservableBooleanValue connected) {
        this.model = model;
        this.runnable = model.loadingProperty().not();
        this.connected = connected; // Held here: a binding nobody references is collected with its listeners.
        content = new VBox(12, createHeader(), createToolbar(), createLoginRow(), createError(), createTable(),
            createFooter());
        content.setPadding(new Insets(24, 32, 16, 32));
        empty.show("No Docker engine yet", "Connect to a Docker engine on the Host screen (Ctrl+1); "
            + "its repositories and tags appear here.");
        this.connected.addListener((obs, old, now) -> update(now));
        update(this.connected.get());
    }

    private void update(boolean connected) {
        root.getChildren().setAll(connected ? content : empty);
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void run() {
        model.refresh();
    }

    @Override
    public void cancel() {
        model.cancel();
    }

    @Override
    public ObservableBooleanValue runnable() {
        return runnable;
    }

    private Node createHeader() {
        Label title = new Label("Image versions");
        title.getStyleClass().add(Styles.TITLE_2);
        Label hint = new Label("Pick the versions the vendor ships. Versions only in a registry are pulled first.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        return new VBox(4, title, hint);
    }

    private Node createToolbar() {
        CustomTextField search = new CustomTextField();
        search.setId("versionSearch");
        search.setPromptText("Filter by repository, tag or digest");
        search.setLeft(new FontIcon(Material2MZ.SEARCH));
        search.textProperty().bindBidirectional(model.filterProperty());
        search.setPrefColumnCount(18);
        Button refresh = new Button(null, new FontIcon(Material2MZ.REFRESH));
        refresh.setTooltip(new Tooltip("List the engine's images again (Ctrl+R)"));
        refresh.disableProperty().bind(model.loadingProperty());
        refresh.setOnAction(event -> model.refresh());

        ToggleButton login = new ToggleButton(null, new FontIcon(Material2AL.LOCK));
        login.setId("registryLoginToggle");
        login.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        login.setTooltip(new Tooltip("Log in to the registry or trust its CA certificate"));
        login.selectedProperty().bindBidirectional(model.loginShownProperty());
        CustomTextField registry = new CustomTextField();
        registry.setId("registryAddress");
        registry.setRight(login);
        registry.setPromptText("Registry, e.g. 127.0.0.1:5055");
        registry.setPrefColumnCount(14);
        registry.textProperty().bindBidirectional(model.registryProperty());
        TextField repository = new TextField();
        repository.setPromptText("Repository, e.g. medivendor/frontend");
        repository.setPrefColumnCount(18);
        repository.textProperty().bindBidirectional(model.repositoryProperty());
        repository.setOnAction(event -> model.listRegistry());
        Button list = new Button("List tags", new FontIcon(Material2AL.CLOUD_DOWNLOAD));
        list.setMinWidth(Region.USE_PREF_SIZE);
        list.disableProperty().bind(model.loadingProperty());
        list.setOnAction(event -> model.listRegistry());

        HBox bar = new HBox(8, search, refresh, new Spacer(), registry, repository, list);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node createLoginRow() {
        TextField user = new TextField();
        user.setId("registryUser");
        user.setPromptText("User name");
        user.setPrefColumnCount(10);
        user.textProperty().bindBidirectional(model.usernameProperty());
        PasswordField password = new PasswordField();
        password.setId("registryPassword");
        password.setPromptText("Password (kept in memory only)");
        password.setPrefColumnCount(14);
        password.textProperty().bindBidirectional(model.passwordProperty());
        password.setOnAction(event -> model.listRegistry());

        TextField ca = new TextField();
        ca.setId("registryCaFile");
        ca.setPromptText("CA certificate of the registry (PEM), if it has a private CA");
        Bindings.bindBidirectional(ca.textProperty(), model.caFileProperty(), new PathConverter());
        Button browse = new Button("Browse…", new FontIcon(Material2AL.FOLDER_OPEN));
        browse.setMinWidth(Region.USE_PREF_SIZE);
        browse.setOnAction(event -> chooseCaFile());
        HBox.setHgrow(ca, Priority.ALWAYS);

        Label caption = new Label("Registry login", new FontIcon(Material2AL.LOCK));
        caption.getStyleClass().add(Styles.TEXT_MUTED);
        caption.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, caption, user, password, ca, browse);
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(model.loginShownProperty());
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private void chooseCaFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("CA certificate of the registry");
        chooser.getExtensionFilters().addAll(
            new FileChooser.ExtensionFilter("Certificates (*.crt, *.pem, *.cer)", "*.crt", "*.pem", "*.cer"),
            new FileChooser.ExtensionFilter("All files", "*"));
        File chosen = chooser.showOpenDialog(root.getScene().getWindow());
        if (chosen != null) {
            model.caFileProperty().set(chosen.toPath());
        }
    }

    private Node createError() {
        ErrorPane pane = new ErrorPane();
        pane.visibleProperty().bind(model.errorProperty().isNotNull());
        pane.managedProperty().bind(pane.visibleProperty());
        model.errorProperty().addListener((obs, old, report) -> {
            if (report != null) {
                pane.show(report);
            }
        });
        return pane;
    }

    private Node createTable() {
        TableView<Item> table = new TableView<>(model.visibleItems());
        table.setId("versionsTable");
        table.setEditable(true);
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No images on this engine match."));

        TableColumn<Item, Boolean> pick = new TableColumn<>();
        pick.setCellValueFactory(cell -> cell.getValue().selectedProperty());
        pick.setCellFactory(CheckBoxTableCell.forTableColumn(pick));
        pick.setEditable(true);
        pick.setPrefWidth(44);
        pick.setMaxWidth(44);
        pick.setSortable(false);

        table.getColumns().add(pick);
        table.getColumns().add(text("Repository", 330, row -> row.repository()));
        table.getColumns().add(text("Tag", 90, VersionRow::tag));
        table.getColumns().add(text("Digest", 170, row -> Formats.shortDigest(row.digest())));
        table.getColumns().add(text("Size", 80, row -> Formats.size(row.sizeBytes())));
        table.getColumns().add(text("Built", 130, row -> Formats.age(row.created(), Instant.now())));
        table.getColumns().add(createWhereColumn());
        VBox.setVgrow(table, Priority.ALWAYS);
        return table;
    }

    private static TableColumn<Item, String> text(String name, double width, Function<VersionRow, String> value) {
        TableColumn<Item, String> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> Bindings.createStringBinding(
            () -> value.apply(cell.getValue().rowProperty().get()), cell.getValue().rowProperty()));
        column.setPrefWidth(width);
        return column;
    }

    private TableColumn<Item, Where> createWhereColumn() {
        TableColumn<Item, Where> column = new TableColumn<>("Where");
        // A value that changes with the row's state: the cell is only redrawn when its value changes.
        column.setCellValueFactory(cell -> {
            Item item = cell.getValue();
            return Bindings.createObjectBinding(() -> new Where(item, item.rowProperty().get().onHost(),
                item.pullingProperty().get()), item.rowProperty(), item.pullingProperty());
        });
        column.setCellFactory(col -> new WhereCell());
        column.setPrefWidth(130);
        column.setSortable(false);
        return column;
    }

    private Node createFooter() {
        Label count = new Label();
        count.setId("versionsPicked");
        count.textProperty().bind(Bindings.createStringBinding(() -> switch (model.selected().size()) {
            case 0 -> "No versions picked yet.";
            case 1 -> "1 version picked.";
            default -> model.selected().size() + " versions picked.";
        }, model.selected()));
        Label notice = new Label();
        notice.setId("versionsNotice");
        notice.getStyleClass().add(Styles.TEXT_MUTED);
        notice.textProperty().bind(model.noticeProperty());
        HBox footer = new HBox(16, count, notice);
        footer.setAlignment(Pos.CENTER_LEFT);
        return footer;
    }

    /** Where a version stands, as the Where column draws it. */
    private record Where(Item item, boolean onHost, boolean pulling) {
    }

    /** "on host", or a Pull button and its progress (with Cancel) for a version seen only in a registry. */
    private final class WhereCell extends TableCell<Item, Where> {
        private final Label onHost = new Label("on host", new FontIcon(Material2AL.CHECK_CIRCLE));
        private final Button pull = new Button("Pull", new FontIcon(Material2AL.CLOUD_DOWNLOAD));
        private final ProgressBar progress = new ProgressBar();
        private final Button cancel = new Button(null, new FontIcon(Material2AL.CLOSE));
        private final HBox pulling = new HBox(4, progress, cancel);

        WhereCell() {
            pull.getStyleClass().addAll(Styles.SMALL);
            progress.setPrefWidth(90);
            cancel.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
            cancel.setTooltip(new Tooltip("Cancel the pull (Esc cancels all)"));
            pulling.setAlignment(Pos.CENTER_LEFT);
            onHost.getStyleClass().add(Styles.TEXT_MUTED);
        }

        @Override
        protected void updateItem(Where where, boolean empty) {
            super.updateItem(where, empty);
            progress.progressProperty().unbind();
            if (empty || where == null) {
                setGraphic(null);
                return;
            }
            Item item = where.item();
            if (where.onHost()) {
                setGraphic(onHost);
            } else if (where.pulling()) {
                progress.progressProperty().bind(item.progressProperty());
                cancel.setOnAction(event -> model.cancelPull(item));
                setGraphic(pulling);
            } else {
                pull.setOnAction(event -> model.pull(item));
                setGraphic(pull);
            }
        }
    }
}

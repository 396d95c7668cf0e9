package dev.vetbench.ui.main;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import dev.vetbench.ui.common.UiSettings;
import dev.vetbench.ui.common.UiSettingsStore;
import dev.vetbench.ui.common.WorkbenchScreen;
import dev.vetbench.ui.host.HostViewModel;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The one window: a menu bar, the sidebar of assessment steps, the current step's screen, and a status bar with
 * the engine connection.
 */
public final class MainWindow {

    private final Map<Step, Supplier<WorkbenchScreen>> factories;
    private final Map<Step, WorkbenchScreen> screens = new EnumMap<>(Step.class);
    private final BooleanProperty runnable = new SimpleBooleanProperty();
    private final HostViewModel host;
    private final UiSettingsStore store;
    private final ObjectProperty<Step> current = new SimpleObjectProperty<>();
    private final ListView<Step> sidebar = new ListView<>(FXCollections.observableArrayList(Step.values()));
    private final StackPane content = new StackPane();
    private final BorderPane root = new BorderPane();
    private final CheckMenuItem darkTheme = new CheckMenuItem("Dark theme");
    private FileActions fileActions = new FileActions(() -> { }, () -> { }, () -> { }, () -> windowOf().hide());

    /** What File > Open..., Save and Save as... do. */
    public record FileActions(Runnable open, Runnable save, Runnable saveAs, Runnable quit) {
    }

    /** The screens are built the first time they are shown, so the window opens without building them all. */
    public MainWindow(Map<Step, Supplier<WorkbenchScreen>> factories, HostViewModel host, UiSettingsStore store) {
        this.factories = factories;
        this.host = host;
        this.store = store;
        root.setTop(createMenuBar());
        root.setLeft(createSidebar());
        root.setCenter(content);
        root.setBottom(createStatusBar());
        root.getStyleClass().add("workbench");
        content.getStyleClass().add("content");
        current.addListener((obs, old, step) -> show(step));
        darkTheme.selectedProperty().addListener((obs, old, dark) -> applyTheme(dark));
    }

    /** Wires the File menu's Open..., Save and Save as... items. */
    public void useFileActions(FileActions actions) {
        this.fileActions = actions;
    }

    /** Shows the current screen afresh, after the assessment under it was replaced. */
    public void reshow() {
        if (current.get() != null) {
            screen(current.get()).shown();
        }
    }

    public Parent root() {
        return root;
    }

    public Step currentStep() {
        return current.get();
    }

    public void select(Step step) {
        sidebar.getSelectionModel().select(step);
    }

    /** Applies the remembered theme; the switch is saved as soon as it changes. */
    public void restoreTheme(boolean dark) {
        darkTheme.setSelected(dark);
        applyTheme(dark);
    }

    private WorkbenchScreen screen(Step step) {
        return screens.computeIfAbsent(step, key -> factories.get(key).get());
    }

    private void show(Step step) {
        WorkbenchScreen screen = screen(step);
        screen.shown();
        content.getChildren().setAll(screen.view());
        runnable.unbind();
        runnable.bind(screen.runnable());
    }

    private static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
            : new PrimerLight().getUserAgentStylesheet());
    }

    private void rememberTheme(boolean dark) {
        UiSettings settings = store.load();
        if (settings.dark() != dark) {
            store.save(settings.withDark(dark));
        }
    }

    private Node createSidebar() {
        Label brand = new Label("Vetbench", new FontIcon(Material2MZ.SECURITY));
        brand.getStyleClass().addAll("brand", Styles.TITLE_4);
        sidebar.setCellFactory(list -> new SidebarCell());
        sidebar.setId("sidebar");
        sidebar.getStyleClass().add("sidebar-list");
        sidebar.getSelectionModel().selectedItemProperty().addListener((obs, old, step) -> {
            if (step == null) {
                sidebar.getSelectionModel().select(old);
            } else {
                current.set(step);
            }
        });
        VBox box = new VBox(brand, sidebar);
        VBox.setVgrow(sidebar, Priority.ALWAYS);
        box.getStyleClass().add("sidebar");
        box.setPrefWidth(260);
        box.setMinWidth(260);
        return box;
    }

    private MenuBar createMenuBar() {
        return new MenuBar(createFileMenu(), createViewMenu(), createRunMenu(), createHelpMenu());
    }

    private Menu createFileMenu() {
        MenuItem open = item("Open...", shortcut(KeyCode.O), () -> fileActions.open().run());
        open.setId("openItem");
        MenuItem save = item("Save", shortcut(KeyCode.S), () -> fileActions.save().run());
        save.setId("saveItem");
        MenuItem saveAs = item("Save as...", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN), () -> fileActions.saveAs().run());
        saveAs.setId("saveAsItem");
        MenuItem quit = item("Quit", shortcut(KeyCode.Q), () -> fileActions.quit().run());
        quit.setId("quitItem");
        return new Menu("_File", null, open, save, saveAs, new SeparatorMenuItem(), quit);
    }

    private Menu createViewMenu() {
        Menu menu = new Menu("_View");
        for (Step step : Step.values()) {
            KeyCode digit = KeyCode.getKeyCode(String.valueOf(step.shortcutDigit()));
            menu.getItems().add(item(step.title(), shortcut(digit), () -> select(step)));
        }
        darkTheme.setAccelerator(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN));
        darkTheme.setOnAction(event -> rememberTheme(darkTheme.isSelected()));
        darkTheme.setGraphic(new FontIcon(Material2AL.BRIGHTNESS_4));
        menu.getItems().addAll(new SeparatorMenuItem(), darkTheme);
        return menu;
    }

    private Menu createRunMenu() {
        MenuItem run = item("Run", shortcut(KeyCode.R), () -> screen(current.get()).run());
        run.setGraphic(new FontIcon(Material2MZ.PLAY_ARROW));
        run.disableProperty().bind(runnable.not());
        MenuItem cancel = item("Cancel", new KeyCodeCombination(KeyCode.ESCAPE),
            () -> screen(current.get()).cancel());
        cancel.setGraphic(new FontIcon(Material2MZ.STOP));
        return new Menu("_Run", null, run, cancel);
    }

    private Menu createHelpMenu() {
        MenuItem about = item("About Vetbench", null, () -> AboutDialog.show(windowOf(), host.engineProperty().get()));
        about.setId("aboutItem");
        return new Menu("_Help", null, about);
    }

    private Node createStatusBar() {
        FontIcon icon = new FontIcon();
        icon.iconCodeProperty().bind(Bindings.createObjectBinding(() -> host.engineProperty().get() != null
            ? Material2AL.CHECK_CIRCLE : Material2AL.LINK_OFF, host.engineProperty()));
        Label engine = new Label();
        engine.setId("statusEngine");
        engine.setGraphic(icon);
        engine.textProperty().bind(Bindings.createStringBinding(() -> host.engineProperty().get() == null
            ? "No Docker engine" : "Docker " + host.engineProperty().get().version() + " · "
                + host.engineProperty().get().host().uri(), host.engineProperty()));
        Label version = new Label("Vetbench " + AboutDialog.appVersion());
        version.getStyleClass().add(Styles.TEXT_MUTED);
        HBox bar = new HBox(12, engine, new Spacer(), version);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 12, 4, 12));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    private static MenuItem item(String text, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(accelerator);
        item.setOnAction(event -> action.run());
        return item;
    }

    private Window windowOf() {
        return root.getScene().getWindow();
    }
}

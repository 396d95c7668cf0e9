package dev.vetbench.ui.host;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.vetbench.ui.common.ErrorPane;
import dev.vetbench.ui.common.PathConverter;
import dev.vetbench.ui.common.WorkbenchScreen;
import java.io.File;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The Host screen: which Docker engine Vetbench works with, and how to reach another. */
public final class HostView implements WorkbenchScreen {

    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final HostViewModel model;
    private final ScrollPane root;
    private final ObservableBooleanValue runnable;

    public HostView(HostViewModel model) {
        this.model = model;
        this.runnable = model.connecting().not();
        VBox content = new VBox(16, createHeader(), createStatusCard(), createContextsCard(), createConnectCard());
        content.getStyleClass().add("screen");
        content.setPadding(new Insets(24, 32, 24, 32));
        content.setMaxWidth(880);
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        root.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void run() {
        model.connectEntered();
    }

    @Override
    public void shown() {
        model.refreshContexts();
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
        Label title = new Label("Docker host");
        title.getStyleClass().add(Styles.TITLE_2);
        Label hint = new Label("Vetbench lists image versions, starts targets and runs checks on this engine.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        return new VBox(4, title, hint);
    }

    private Node createStatusCard() {
        FontIcon icon = new FontIcon();
        icon.getStyleClass().add("status-icon");
        icon.iconCodeProperty().bind(Bindings.createObjectBinding(() -> switch (model.stateProperty().get()) {
            case CONNECTED -> Material2AL.CHECK_CIRCLE;
            case FAILED -> Material2AL.CLOUD_OFF;
            default -> Material2AL.DNS;
        }, model.stateProperty()));
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(20, 20);
        spinner.visibleProperty().bind(model.connecting());
        spinner.managedProperty().bind(spinner.visibleProperty());
        Label status = new Label();
        status.setId("hostStatus");
        status.setWrapText(true);
        status.getStyleClass().add(Styles.TITLE_4);
        status.textProperty().bind(model.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox head = new HBox(12, icon, status, spinner);
        head.setAlignment(Pos.CENTER_LEFT);

        VBox card = new VBox(12, head, createFacts(), createError());
        card.getStyleClass().add("card-box");
        model.stateProperty().addListener((obs, old, now) -> card.pseudoClassStateChanged(FAILED,
            now == HostViewModel.State.FAILED));
        return card;
    }

    private Node createFacts() {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        grid.getColumnConstraints().addAll(new ColumnConstraints(140), new ColumnConstraints());
        String[] names = {"Engine version", "API version", "Operating system", "Kernel", "Architecture",
            "Storage driver", "Engine host name", "Address from"};
        String[] ids = {"engineVersion", "apiVersion", "engineOs", "engineKernel", "engineArch",
            "storageDriver", "engineName", "hostSource"};
        for (int i = 0; i < names.length; i++) {
            Label name = new Label(names[i]);
            name.getStyleClass().add(Styles.TEXT_MUTED);
            Label value = new Label();
            value.setId(ids[i]);
            int index = i;
            value.textProperty().bind(Bindings.createStringBinding(
                () -> fact(model.engineProperty().get(), index), model.engineProperty()));
            grid.addRow(i, name, value);
        }
        grid.visibleProperty().bind(model.engineProperty().isNotNull());
        grid.managedProperty().bind(grid.visibleProperty());
        return grid;
    }

    private static String fact(EngineSummary engine, int index) {
        if (engine == null) {
            return "";
        }
        return switch (index) {
            case 0 -> engine.version();
            case 1 -> engine.apiVersion();
            case 2 -> engine.operatingSystem();
            case 3 -> engine.kernel();
            case 4 -> engine.architecture();
            case 5 -> engine.storageDriver();
            case 6 -> engine.name();
            default -> engine.host().source() + (engine.host().usesTls() ? ", TLS" : "");
        };
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

    private Node createContextsCard() {
        Label title = new Label("Docker contexts");
        title.getStyleClass().add(Styles.TITLE_4);
        Label hint = new Label("The engines set up with docker context create; the docker CLI's current one is "
            + "marked.");
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setWrapText(true);
        GridPane rows = new GridPane();
        rows.setId("contextList");
        rows.setHgap(16);
        rows.setVgap(6);
        rows.getColumnConstraints().addAll(new ColumnConstraints(), growing(), new ColumnConstraints());
        Runnable refresh = () -> fillContexts(rows);
        model.contexts().addListener((ListChangeListener<HostContext>) change -> refresh.run());
        model.engineProperty().addListener((obs, old, now) -> refresh.run());
        refresh.run();

        VBox card = new VBox(8, new VBox(2, title, hint), rows);
        card.getStyleClass().add("card-box");
        card.visibleProperty().bind(Bindings.isNotEmpty(model.contexts()));
        card.managedProperty().bind(card.visibleProperty());
        return card;
    }

    private void fillContexts(GridPane rows) {
        rows.getChildren().clear();
        int row = 0;
        for (HostContext context : model.contexts()) {
            rows.addRow(row++, createContextName(context), createContextEndpoint(context),
                createContextAction(context));
        }
    }

    private static Node createContextName(HostContext context) {
        Label name = new Label(context.name());
        name.getStyleClass().add(Styles.TEXT_BOLD);
        HBox box = new HBox(6, name);
        box.setAlignment(Pos.CENTER_LEFT);
        if (context.current()) {
            Label current = new Label("current");
            current.getStyleClass().addAll(Styles.ACCENT, Styles.TEXT_SMALL);
            box.getChildren().add(current);
        }
        return box;
    }

    private static Node createContextEndpoint(HostContext context) {
        String tls = context.host().usesTls() ? "  ·  TLS" : "";
        String description = context.description().isEmpty() ? "" : "  ·  " + context.description();
        Label endpoint = new Label(context.host().uri() + tls + description);
        endpoint.getStyleClass().add(Styles.TEXT_MUTED);
        endpoint.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        return endpoint;
    }

    private Node createContextAction(HostContext context) {
        EngineSummary engine = model.engineProperty().get();
        if (engine != null && sameEngine(engine.host(), context.host())) {
            Label connected = new Label("connected", new FontIcon(Material2AL.CHECK_CIRCLE));
            connected.getStyleClass().add(Styles.SUCCESS);
            return connected;
        }
        Button use = new Button("Connect");
        use.setId("context-" + context.name());
        use.getStyleClass().add(Styles.SMALL);
        use.disableProperty().bind(model.connecting());
        use.setOnAction(event -> model.connect(context));
        return use;
    }

    // The same address reached from DOCKER_HOST, a context or typed in is the same engine.
    private static boolean sameEngine(HostSpec one, HostSpec other) {
        return one.uri().equals(other.uri()) && Objects.equals(one.tlsCertDirectory(), other.tlsCertDirectory());
    }

    private Node createConnectCard() {
        Label title = new Label("Connect to a host");
        title.getStyleClass().add(Styles.TITLE_4);

        ComboBox<String> address = new ComboBox<>(model.recentHosts());
        address.setId("hostAddress");
        address.setEditable(true);
        address.setPromptText("unix:///var/run/docker.sock or tcp://host:2376");
        address.setMaxWidth(Double.MAX_VALUE);
        address.getEditor().textProperty().bindBidirectional(model.addressProperty());
        address.getEditor().setOnAction(event -> model.connectEntered());

        TextField tls = new TextField();
        tls.setId("tlsDirectory");
        tls.setPromptText("Directory with ca.pem, cert.pem and key.pem (tcp with TLS only)");
        Bindings.bindBidirectional(tls.textProperty(), model.tlsDirectoryProperty(), new PathConverter());
        Button browse = new Button("Browse…", new FontIcon(Material2AL.FOLDER_OPEN));
        browse.setOnAction(event -> chooseTlsDirectory());
        HBox.setHgrow(tls, Priority.ALWAYS);
        HBox tlsRow = new HBox(8, tls, browse);

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        form.getColumnConstraints().addAll(new ColumnConstraints(140), growing());
        form.addRow(0, new Label("Host"), address);
        form.addRow(1, new Label("TLS certificates"), tlsRow);

        VBox card = new VBox(12, title, form, createButtons(), createRecent());
        card.getStyleClass().add("card-box");
        return card;
    }

    private static ColumnConstraints growing() {
        ColumnConstraints column = new ColumnConstraints();
        column.setHgrow(Priority.ALWAYS);
        column.setFillWidth(true);
        return column;
    }

    private Node createButtons() {
        Button local = new Button("Use default engine", new FontIcon(Material2AL.COMPUTER));
        local.setOnAction(event -> model.connectDefault());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(event -> model.cancel());
        cancel.visibleProperty().bind(model.connecting());
        cancel.managedProperty().bind(cancel.visibleProperty());
        Button connect = new Button("Connect", new FontIcon(Material2MZ.SETTINGS_ETHERNET));
        connect.setId("connectButton");
        connect.getStyleClass().add(Styles.ACCENT);
        connect.setDefaultButton(true);
        connect.disableProperty().bind(model.connecting());
        connect.setOnAction(event -> model.connectEntered());
        HBox buttons = new HBox(8, local, new Spacer(), cancel, connect);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return buttons;
    }

    private Node createRecent() {
        Label caption = new Label("Recent");
        caption.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        FlowPane links = new FlowPane(4, 4);
        Runnable refresh = () -> links.getChildren().setAll(model.recentHosts().stream().map(host -> {
            Hyperlink link = new Hyperlink(host, new FontIcon(Material2AL.HISTORY));
            link.setOnAction(event -> model.connect(HostSpec.entered(host, null)));
            return (Node) link;
        }).toList());
        model.recentHosts().addListener((ListChangeListener<String>) change -> refresh.run());
        refresh.run();
        VBox box = new VBox(4, caption, links);
        box.visibleProperty().bind(Bindings.isNotEmpty(model.recentHosts()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private void chooseTlsDirectory() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Directory with the TLS client certificate");
        File chosen = chooser.showDialog(root.getScene().getWindow());
        if (chosen != null) {
            model.tlsDirectoryProperty().set(chosen.toPath());
        }
    }
}

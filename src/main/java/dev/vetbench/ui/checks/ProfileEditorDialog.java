package dev.vetbench.ui.checks;

import atlantafx.base.theme.Styles;
import dev.vetbench.docker.TargetProfile;
import dev.vetbench.ui.checks.ProfileEditorViewModel.Field;
import java.util.Locale;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The "Edit profile" dialog: the fields of one version's profile, each with its error sentence beside it. */
public final class ProfileEditorDialog {

    private final ProfileEditorViewModel model;
    private final Dialog<TargetProfile> dialog = new Dialog<>();
    private final GridPane grid = new GridPane();
    private int row;

    public ProfileEditorDialog(Window owner, String versionReference, ProfileEditorViewModel model) {
        this.model = model;
        dialog.initOwner(owner);
        dialog.setTitle("Edit profile");
        dialog.setHeaderText("Profile for " + versionReference + ", used by the next run of its checks");
        dialog.getDialogPane().setId("profileEditor");
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        grid.setHgap(12);
        grid.setVgap(8);
        grid.setPadding(new Insets(8));
        addFields();
        dialog.getDialogPane().setContent(grid);
        // A wrong field keeps the dialog open with everything typed still there.
        dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION, event -> {
            if (model.build().isEmpty()) {
                event.consume();
            }
        });
        dialog.setResultConverter(button -> button == ButtonType.OK ? model.build().orElse(null) : null);
    }

    /** The dialog, for {@code showAndWait}; its result is the saved-to-be profile, or empty when cancelled. */
    public Dialog<TargetProfile> dialog() {
        return dialog;
    }

    private void addFields() {
        add("Environment", area(), Field.ENVIRONMENT, "NAME=value, one a line");
        add("Command", new TextField(), Field.COMMAND, "arguments to the entrypoint; empty keeps the image's");
        add("Ports", new TextField(), Field.PORTS, "container ports published on 127.0.0.1, e.g. 443, 80");
        add("Volumes", area(), Field.VOLUMES, "none:/path, volume:/path, volume:NAME:/path, bind:/dir:/path[:ro]");
        add("Data directories", area(), Field.DATA_DIRECTORIES, "paths to be encrypted at rest, one a line");
        add("Ready on port", new TextField(), Field.READINESS_PORT, "one of the ports, or empty");
        add("Ready on log line", new TextField(), Field.READINESS_LOG, "a regular expression, or empty");
        add("Deadline (s)", new TextField(), Field.DEADLINE, "seconds the target may take to become ready");
        CheckBox proxy = new CheckBox("PROXY protocol on (" + model.proxyProtocolSwitchText() + ")");
        proxy.setId("profile-proxy");
        proxy.selectedProperty().bindBidirectional(model.proxyProtocolProperty());
        proxy.setDisable(!model.hasProxyProtocolSwitch());
        grid.add(proxy, 1, row++);
    }

    private void add(String caption, TextInputControl input, Field field, String prompt) {
        input.setId("profile-" + field.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        input.setPromptText(prompt);
        bind(field, input);
        Label error = new Label();
        error.setId(input.getId() + "-error");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.setMaxWidth(420);
        error.textProperty().bind(model.errorProperty(field));
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        Node box = new VBox(2, input, error);
        grid.add(new Label(caption), 0, row);
        grid.add(box, 1, row++);
    }

    private void bind(Field field, TextInputControl input) {
        input.textProperty().bindBidirectional(switch (field) {
            case ENVIRONMENT -> model.environmentProperty();
            case COMMAND -> model.commandProperty();
            case PORTS -> model.portsProperty();
            case VOLUMES -> model.volumesProperty();
            case DATA_DIRECTORIES -> model.dataDirectoriesProperty();
            case READINESS_PORT -> model.readinessPortProperty();
            case READINESS_LOG -> model.readinessLogProperty();
            case DEADLINE -> model.deadlineProperty();
        });
    }

    private static TextArea area() {
        TextArea area = new TextArea();
        area.setPrefRowCount(3);
        area.setPrefColumnCount(36);
        return area;
    }
}

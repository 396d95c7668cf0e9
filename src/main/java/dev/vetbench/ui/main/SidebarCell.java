package dev.vetbench.ui.main;

import atlantafx.base.theme.Styles;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** One step in the sidebar: icon, title, a line of what it is about, and its shortcut. */
final class SidebarCell extends ListCell<Step> {

    private final FontIcon icon = new FontIcon();
    private final Label title = new Label();
    private final Label subtitle = new Label();
    private final Label shortcut = new Label();
    private final HBox box;

    SidebarCell() {
        icon.getStyleClass().add("step-icon");
        title.getStyleClass().addAll("step-title", Styles.TEXT_BOLD);
        subtitle.getStyleClass().addAll("step-subtitle", Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        shortcut.getStyleClass().addAll("step-shortcut", Styles.TEXT_SMALL, Styles.TEXT_SUBTLE);
        shortcut.setMinWidth(Region.USE_PREF_SIZE);
        VBox text = new VBox(1, title, subtitle);
        HBox.setHgrow(text, Priority.ALWAYS);
        box = new HBox(12, icon, text, shortcut);
        box.setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("step-cell");
        setPrefWidth(0); // Follow the list's width instead of asking for a horizontal scroll bar.
    }

    @Override
    protected void updateItem(Step step, boolean empty) {
        super.updateItem(step, empty);
        if (empty || step == null) {
            setGraphic(null);
            setId(null);
            return;
        }
        icon.setIconCode(step.icon());
        title.setText(step.title());
        subtitle.setText(step.subtitle());
        shortcut.setText("Ctrl+" + step.shortcutDigit());
        setId("step-" + step.name().toLowerCase(Locale.ROOT));
        setGraphic(box);
    }
}

package dev.vetbench.ui.main;

import atlantafx.base.theme.Styles;
import dev.vetbench.ui.host.EngineSummary;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** Help > About: which Vetbench, Java, JavaFX and Docker engine this is. */
final class AboutDialog {

    private AboutDialog() {
    }

    static void show(Window owner, EngineSummary engine) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("About Vetbench");
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().setContent(createContent(engine));
        dialog.getDialogPane().setId("aboutDialog");
        dialog.show();
    }

    static Map<String, String> versions(EngineSummary engine) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("Vetbench", appVersion());
        rows.put("Java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        rows.put("JavaFX", System.getProperty("javafx.runtime.version", "unknown"));
        rows.put("Operating system", System.getProperty("os.name") + " " + System.getProperty("os.version")
            + " " + System.getProperty("os.arch"));
        rows.put("Docker engine", engine == null ? "not connected"
            : engine.version() + " (API " + engine.apiVersion() + ") at " + engine.host().uri());
        return rows;
    }

    static String appVersion() {
        String version = AboutDialog.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    private static VBox createContent(EngineSummary engine) {
        FontIcon logo = new FontIcon(Material2MZ.SECURITY);
        logo.getStyleClass().add("about-logo");
        Label name = new Label("Vetbench");
        name.getStyleClass().add(Styles.TITLE_2);
        Label tagline = new Label("A workbench for container security assessments.");
        tagline.getStyleClass().add(Styles.TEXT_MUTED);

        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(6);
        grid.getColumnConstraints().add(new ColumnConstraints(130));
        int row = 0;
        for (Map.Entry<String, String> entry : versions(engine).entrySet()) {
            Label key = new Label(entry.getKey());
            key.getStyleClass().add(Styles.TEXT_MUTED);
            grid.addRow(row++, key, new Label(entry.getValue()));
        }
        VBox box = new VBox(8, logo, name, tagline, grid);
        box.setPrefWidth(460);
        return box;
    }
}

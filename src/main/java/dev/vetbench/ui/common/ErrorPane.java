package dev.vetbench.ui.common;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** Shows an {@link ErrorReport}: the sentence, its code, and the stack trace behind a "Details" expander. */
public final class ErrorPane extends VBox {

    private final Label sentence = new Label();
    private final Label code = new Label();
    private final TextArea trace = new TextArea();
    private final TitledPane details = new TitledPane("Details", trace);

    public ErrorPane() {
        getStyleClass().add("error-pane");
        setSpacing(8);
        setPadding(new Insets(12, 16, 12, 16));

        FontIcon icon = new FontIcon(Material2AL.ERROR_OUTLINE);
        icon.getStyleClass().add("error-icon");
        sentence.setWrapText(true);
        sentence.setId("errorSentence");
        sentence.getStyleClass().add(Styles.TEXT_BOLD);
        HBox.setHgrow(sentence, Priority.ALWAYS);
        sentence.setMaxWidth(Double.MAX_VALUE);
        sentence.setMinHeight(Region.USE_PREF_SIZE); // A crowded screen must not cut the sentence to one line.
        HBox head = new HBox(10, icon, sentence);

        code.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        code.setId("errorCode");
        Button copy = new Button("Copy details");
        copy.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        copy.setOnAction(event -> copyDetails());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox foot = new HBox(8, code, gap, copy);

        trace.setEditable(false);
        trace.setPrefRowCount(10);
        trace.getStyleClass().add("monospace");
        details.setExpanded(false);
        details.setAnimated(false);
        getChildren().addAll(head, foot, details);
    }

    public void show(ErrorReport report) {
        sentence.setText(report.sentence());
        code.setText("Error code " + report.code());
        trace.setText(report.details());
        details.setExpanded(false);
        details.setVisible(!report.details().isEmpty());
        details.setManaged(!report.details().isEmpty());
    }

    private void copyDetails() {
        ClipboardContent content = new ClipboardContent();
        content.putString(sentence.getText() + "\n" + code.getText() + "\n\n" + trace.getText());
        Clipboard.getSystemClipboard().setContent(content);
    }
}

package dev.vetbench.ui.common;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** A screen's placeholder while it has nothing to show: an icon, a title and one sentence saying why. */
public final class EmptyState extends VBox {

    private final Label title = new Label();
    private final Label sentence = new Label();

    public EmptyState(Ikon icon) {
        FontIcon graphic = new FontIcon(icon);
        graphic.getStyleClass().add("empty-state-icon");
        title.getStyleClass().add(Styles.TITLE_3);
        sentence.getStyleClass().add(Styles.TEXT_MUTED);
        sentence.setWrapText(true);
        sentence.setMaxWidth(520);
        sentence.setId("emptyStateSentence");
        getChildren().addAll(graphic, title, sentence);
        getStyleClass().add("empty-state");
        setAlignment(Pos.CENTER);
        setSpacing(10);
    }

    public void show(String heading, String text) {
        title.setText(heading);
        sentence.setText(text);
    }
}

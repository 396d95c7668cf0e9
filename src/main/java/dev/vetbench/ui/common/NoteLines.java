package dev.vetbench.ui.common;

import atlantafx.base.theme.Styles;
import dev.vetbench.assessment.Note;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** How notes are shown and entered wherever the window has them: who and when, then the text; a box and a button. */
public final class NoteLines {

    private static final DateTimeFormatter WRITTEN =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private NoteLines() {
    }

    /** A box to write a note in. */
    public static TextArea entry(String id, String prompt, int rows) {
        TextArea text = new TextArea();
        text.setId(id);
        text.setPromptText(prompt);
        text.setWrapText(true);
        text.setPrefRowCount(rows);
        return text;
    }

    /** "Add note" for {@code text}: disabled while it is blank, runs {@code add} when pressed. */
    public static Button addButton(String id, TextArea text, Runnable add) {
        Button button = new Button("Add note", new FontIcon(Material2MZ.NOTE_ADD));
        button.setId(id);
        button.disableProperty().bind(Bindings.createBooleanBinding(() -> text.getText().isBlank(),
            text.textProperty()));
        button.setOnAction(event -> add.run());
        return button;
    }

    public static Node of(Note note) {
        Label who = new Label((note.author().isBlank() ? "Assessor" : note.author()) + " · "
            + WRITTEN.format(note.writtenAt()));
        who.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Label text = new Label(note.text());
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.getStyleClass().add("note-text");
        return new VBox(2, who, text);
    }
}

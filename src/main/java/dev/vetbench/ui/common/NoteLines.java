package dev.vetbench.ui.common;

import atlantafx.base.theme.Styles;
import dev.vetbench.assessment.Note;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** How a note is shown wherever the window lists notes: who and when, then the text. */
public final class NoteLines {

    private static final DateTimeFormatter WRITTEN =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private NoteLines() {
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

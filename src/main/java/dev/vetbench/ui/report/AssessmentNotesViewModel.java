package dev.vetbench.ui.report;

import dev.vetbench.assessment.Note;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The assessor's notes on the whole assessment, on the Report screen: what the vendor said about the scope, what was
 * agreed, what to ask next. They share one list with the notes on results (Findings screen), and go into the report
 * under "Whole assessment".
 */
public final class AssessmentNotesViewModel {

    // Limitation: notes on one version (versionId set, checkId empty) can be read from a file but not written here.

    private final ObservableList<Note> notes;
    private final FilteredList<Note> onAssessment;
    private final Consumer<Note> onNote;
    private final Supplier<String> author;

    /**
     * @param notes all the assessor's notes so far, shared with the rest of the window
     * @param onNote told of each new note (the autosave)
     * @param author who signs a new note
     */
    public AssessmentNotesViewModel(ObservableList<Note> notes, Consumer<Note> onNote, Supplier<String> author) {
        this.notes = notes;
        this.onAssessment = notes.filtered(note -> note.versionId().isEmpty() && note.checkId().isEmpty());
        this.onNote = onNote;
        this.author = author;
    }

    /** The notes on the whole assessment, oldest first. */
    public ObservableList<Note> notes() {
        return onAssessment;
    }

    /** Adds a note on the whole assessment; a blank one is not added. */
    public boolean add(String text, Instant now) {
        if (text == null || text.isBlank()) {
            return false;
        }
        Note note = new Note("", "", text.strip(), author.get(), now);
        notes.add(note);
        onNote.accept(note);
        return true;
    }
}

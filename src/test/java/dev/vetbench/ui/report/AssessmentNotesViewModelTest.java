package dev.vetbench.ui.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.assessment.Note;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

class AssessmentNotesViewModelTest {

    private final ObservableList<Note> all = FXCollections.observableArrayList();
    private final List<Note> autosaved = new ArrayList<>();
    private final AssessmentNotesViewModel model = new AssessmentNotesViewModel(all, autosaved::add,
        () -> "Dana Assessor");

    @Test
    void aNoteOnTheWholeAssessmentIsSignedAutosavedAndListed() {
        Instant now = Instant.parse("2026-12-04T08:00:00Z");

        assertThat(model.add("  Scope agreed with the vendor: front end and records database.  ", now)).isTrue();

        Note note = new Note("", "", "Scope agreed with the vendor: front end and records database.", "Dana Assessor",
            now);
        assertThat(all).containsExactly(note);
        assertThat(autosaved).containsExactly(note);
        assertThat(model.notes()).containsExactly(note);
    }

    @Test
    void notesOnOneResultStayOffThisListAndBlankTextIsNotANote() {
        all.add(new Note("medivendor/frontend:1.4.2", "proxy-protocol", "On one result.", "Sam", Instant.now()));

        assertThat(model.add("   ", Instant.now())).isFalse();
        assertThat(model.add(null, Instant.now())).isFalse();

        assertThat(model.notes()).isEmpty();
        assertThat(autosaved).isEmpty();
        assertThat(all).hasSize(1);
    }
}

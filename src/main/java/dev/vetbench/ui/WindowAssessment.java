package dev.vetbench.ui;

import dev.vetbench.assessment.Assessment;
import dev.vetbench.assessment.Assessor;
import dev.vetbench.assessment.Note;
import dev.vetbench.assessment.Waiver;
import dev.vetbench.ui.common.AssessmentJournal;
import dev.vetbench.ui.common.Debouncer;
import dev.vetbench.ui.findings.FindingsViewModel;
import dev.vetbench.ui.report.ReportViewModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * What the assessor enters beside the results: waivers and notes on the Findings screen, vendor, product and
 * assessor on the Report screen. The screens share it; every change is autosaved through the journal (the typed
 * fields once typing pauses, so not at every key) and an assessment that is restored or opened puts all of it back.
 * Used on the FX thread; usable without the FX toolkit.
 */
final class WindowAssessment implements AutoCloseable {

    /** How long typing must pause before the Report screen's fields are autosaved. */
    static final Duration TYPING_PAUSE = Duration.ofMillis(700);

    private final AssessmentJournal journal;
    private final ObservableMap<String, Waiver> waivers = FXCollections.observableHashMap();
    private final ObservableList<Note> notes = FXCollections.observableArrayList();
    private final StringProperty vendor = new SimpleStringProperty("");
    private final StringProperty product = new SimpleStringProperty("");
    private final StringProperty assessor = new SimpleStringProperty("");
    private final StringProperty organisation = new SimpleStringProperty("");
    private final StringProperty role = new SimpleStringProperty("");
    private final Debouncer<Parties> typed;
    private boolean loading;

    private record Parties(String vendor, String product, Assessor assessor) {
    }

    WindowAssessment(AssessmentJournal journal, Duration typingPause) {
        this.journal = journal;
        this.typed = new Debouncer<>(typingPause, parties -> journal.change(assessment -> assessment.withParties(
            parties.vendor(), parties.product(), parties.assessor(), Instant.now())));
        for (StringProperty field : List.of(vendor, product, assessor, organisation, role)) {
            field.addListener((obs, old, now) -> partiesTyped());
        }
    }

    private void partiesTyped() {
        if (!loading) {
            typed.offer(new Parties(vendor.get().strip(), product.get().strip(),
                new Assessor(assessor.get().strip(), organisation.get().strip(), role.get().strip())));
        }
    }

    /** The Report screen's fields show and edit these parties. */
    void bindParties(ReportViewModel report) {
        report.vendorProperty().bindBidirectional(vendor);
        report.productProperty().bindBidirectional(product);
        report.assessorProperty().bindBidirectional(assessor);
        report.organisationProperty().bindBidirectional(organisation);
        report.roleProperty().bindBidirectional(role);
    }

    /** Puts back the waivers, notes and parties of an assessment that was restored or opened, without saving them. */
    void load(Assessment assessment) {
        typed.cancel();
        loading = true;
        try {
            waivers.clear();
            assessment.waivers().forEach(waiver -> waivers.put(
                FindingsViewModel.key(waiver.versionId(), waiver.checkId()), waiver));
            notes.setAll(assessment.notes());
            vendor.set(assessment.vendor());
            product.set(assessment.product());
            assessor.set(assessment.assessor().name());
            organisation.set(assessment.assessor().organisation());
            role.set(assessment.assessor().role());
        } finally {
            loading = false;
        }
    }

    /** Queues the fields typed since the last autosave now (before Save, Open, and at shutdown). */
    /** Writes what was typed and not yet autosaved; true if there was something. */
    boolean flush() {
        return typed.flush();
    }

    void waive(Waiver waiver) {
        journal.waive(waiver);
    }

    void addNote(Note note) {
        journal.change(assessment -> assessment.withNote(note));
    }

    /** Who signs a note: the assessor named on the Report screen, else the user logged in. */
    String author() {
        String name = assessor.get().strip();
        return name.isEmpty() ? System.getProperty("user.name", "") : name;
    }

    ObservableMap<String, Waiver> waivers() {
        return waivers;
    }

    ObservableList<Note> notes() {
        return notes;
    }

    @Override
    public void close() {
        typed.close();
    }
}

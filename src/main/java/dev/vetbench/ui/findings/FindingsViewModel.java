package dev.vetbench.ui.findings;

import dev.vetbench.assessment.Note;
import dev.vetbench.assessment.VersionOrder;
import dev.vetbench.assessment.Waiver;
import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.Verdict;
import dev.vetbench.ui.checks.CheckInfo;
import dev.vetbench.ui.checks.CheckMatrixViewModel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/** The Findings screen's state: every result the matrix holds, its evidence, and what changed between versions. */
public final class FindingsViewModel {

    private final CheckMatrixViewModel matrix;
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<String> changes = FXCollections.observableArrayList();
    private final ObjectProperty<Finding> selected = new SimpleObjectProperty<>();
    private final ObservableMap<String, Waiver> waivers;
    private final Consumer<Waiver> onWaiver;
    private final ObservableList<Note> notes;
    private final Consumer<Note> onNote;
    private final Supplier<String> author;

    /** Without notes shared with the rest of the window. */
    public FindingsViewModel(CheckMatrixViewModel matrix, ObservableMap<String, Waiver> waivers,
            Consumer<Waiver> onWaiver) {
        this(matrix, waivers, onWaiver, FXCollections.observableArrayList(), note -> { }, () -> "");
    }

    /**
     * @param waivers the waivers granted so far, by {@link #key}; shared with the Report screen
     * @param onWaiver told of each new waiver (the autosave)
     * @param notes the assessor's notes so far; shared with the Report screen
     * @param onNote told of each new note (the autosave)
     * @param author who signs a new note
     */
    public FindingsViewModel(CheckMatrixViewModel matrix, ObservableMap<String, Waiver> waivers,
            Consumer<Waiver> onWaiver, ObservableList<Note> notes, Consumer<Note> onNote, Supplier<String> author) {
        this.matrix = matrix;
        this.waivers = waivers;
        this.onWaiver = onWaiver;
        this.notes = notes;
        this.onNote = onNote;
        this.author = author;
        matrix.busyProperty().addListener((obs, was, busy) -> {
            if (!busy) {
                refresh();
            }
        });
        // Versions picked after an assessment was opened come with their results already in their cells.
        matrix.rows().addListener((ListChangeListener<CheckMatrixViewModel.Row>) change -> refresh());
    }

    /** Reads the matrix again: findings (FAIL, then ERROR, then the rest) and the changes between versions. */
    public void refresh() {
        Finding keep = selected.get();
        List<Finding> all = matrix.finishedCells().stream()
            .map(cell -> new Finding(cell.version().repository(), cell.version().tag(), cell.check(),
                cell.resultProperty().get()))
            .sorted(Comparator.comparing(Finding::rank).thenComparing(Finding::reference))
            .toList();
        findings.setAll(all);
        changes.setAll(changes(all));
        selected.set(all.stream().filter(f -> keep != null && f.sameCell(keep)).findFirst()
            .orElse(all.isEmpty() ? null : all.get(0)));
    }

    /**
     * Waives a FAIL or ERROR: the verdict stays as it is, the waiver sits beside it.
     *
     * @return the sentence to show when the waiver is incomplete, or empty when it was granted
     */
    public Optional<String> waive(Finding finding, String justification, String approver, LocalDate expires,
            LocalDate today) {
        if (justification == null || justification.isBlank() || approver == null || approver.isBlank()) {
            return Optional.of("A waiver needs a justification and the name of whoever approved it.");
        }
        if (expires == null || !expires.isAfter(today)) {
            return Optional.of("A waiver needs an expiry date after today.");
        }
        Waiver waiver = new Waiver(finding.reference(), finding.check().id(), justification.strip(), approver.strip(),
            expires, Instant.now());
        waivers.put(key(finding.reference(), finding.check().id()), waiver);
        onWaiver.accept(waiver);
        return Optional.empty();
    }

    /** Adds the assessor's note to a result; a blank note is not added. */
    public boolean addNote(Finding finding, String text, Instant now) {
        if (text == null || text.isBlank()) {
            return false;
        }
        Note note = new Note(finding.reference(), finding.check().id(), text.strip(), author.get(), now);
        notes.add(note);
        onNote.accept(note);
        return true;
    }

    /** The notes on one result, oldest first. */
    public List<Note> notes(Finding finding) {
        return notes.stream()
            .filter(note -> note.versionId().equals(finding.reference()) && note.checkId().equals(finding.check().id()))
            .toList();
    }

    public ObservableList<Note> notes() {
        return notes;
    }

    public Optional<Waiver> waiver(Finding finding) {
        return Optional.ofNullable(waivers.get(key(finding.reference(), finding.check().id())));
    }

    public ObservableMap<String, Waiver> waivers() {
        return waivers;
    }

    /** The key of a waiver: version reference and check id. */
    public static String key(String versionId, String checkId) {
        return versionId + " " + checkId;
    }

    // Within one repository, versions in tag order; a verdict that differs from the previous version's is a change.
    static List<String> changes(List<Finding> all) {
        List<String> lines = new ArrayList<>();
        Map<String, List<Finding>> byRepositoryAndCheck = all.stream().collect(Collectors.groupingBy(
            f -> f.repository() + "\u0000" + f.check().id(), TreeMap::new, Collectors.toList()));
        for (List<Finding> group : byRepositoryAndCheck.values()) {
            List<Finding> ordered = new ArrayList<>(group);
            ordered.sort(Comparator.comparing(Finding::tag, VersionOrder.TAGS));
            for (int i = 1; i < ordered.size(); i++) {
                Finding before = ordered.get(i - 1);
                Finding after = ordered.get(i);
                if (before.result().verdict() != after.result().verdict()) {
                    lines.add(after.check().title() + " on " + after.repository() + ": " + before.verdictText()
                        + " in " + before.tag() + ", " + after.verdictText() + " in " + after.tag() + " ("
                        + kind(before.result().verdict(), after.result().verdict()) + ")");
                }
            }
        }
        return lines;
    }

    private static String kind(Verdict before, Verdict after) {
        if (before == Verdict.FAIL && after == Verdict.PASS) {
            return "fixed";
        }
        if (before == Verdict.PASS && after == Verdict.FAIL) {
            return "regressed";
        }
        return "changed";
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    public ObservableList<String> changes() {
        return changes;
    }

    public ObjectProperty<Finding> selectedProperty() {
        return selected;
    }

    /** One result of one check on one version. */
    public record Finding(String repository, String tag, CheckInfo check, CheckResult result) {

        public String reference() {
            return repository + ":" + tag;
        }

        public String verdictText() {
            return result.verdict() == Verdict.NOT_APPLICABLE ? "N/A" : result.verdict().name();
        }

        int rank() {
            return switch (result.verdict()) {
                case FAIL -> 0;
                case ERROR -> 1;
                case NOT_APPLICABLE -> 2;
                case PASS -> 3;
            };
        }

        boolean sameCell(Finding other) {
            return reference().equals(other.reference()) && check.id().equals(other.check.id());
        }
    }
}

package dev.vetbench.ui.findings;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.vetbench.assessment.Note;
import dev.vetbench.assessment.Waiver;
import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.Verdict;
import dev.vetbench.ui.common.EmptyState;
import dev.vetbench.ui.common.NoteLines;
import dev.vetbench.ui.common.WorkbenchScreen;
import dev.vetbench.ui.findings.FindingsViewModel.Finding;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The Findings screen: each result with its evidence, and what changed from one version to the next. */
public final class FindingsView implements WorkbenchScreen {

    private final FindingsViewModel model;
    private final StackPane root = new StackPane();
    private final EmptyState empty = new EmptyState(Material2AL.FLAG);
    private final Label title = new Label();
    private final Label summary = new Label();
    private final GridPane facts = new GridPane();
    private final TextArea transcript = new TextArea();
    private final VBox waiverBox = new VBox(6);
    private final VBox notesList = new VBox(8);
    private final TextArea noteText =
        NoteLines.entry("noteText", "What you saw, what the vendor said, what to ask next…", 3);
    // A note typed but not yet added stays with its result while the assessor looks at another one.
    // Limitation: such drafts live only in this window; they are not autosaved until "Add note" is pressed.
    private final Map<String, String> drafts = new HashMap<>();
    private Finding shown;
    private final Node content;

    /** The screen over the matrix's results; {@code model} is null when no check engine is wired in. */
    public FindingsView(FindingsViewModel model) {
        this.model = model;
        empty.show("No results yet", "Run checks on the Checks screen (Ctrl+3); each result's evidence and what "
            + "changed between versions appear here.");
        content = model == null ? null : createContent();
        if (model != null) {
            model.findings().addListener((ListChangeListener<Finding>) change -> showContentOrEmpty());
        }
        shown();
    }

    @Override
    public void shown() {
        if (model != null) {
            model.refresh();
        }
        showContentOrEmpty();
    }

    private void showContentOrEmpty() {
        root.getChildren().setAll(model == null || model.findings().isEmpty() ? empty : content);
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public ObservableBooleanValue runnable() {
        return new ReadOnlyBooleanWrapper(false);
    }

    private Node createContent() {
        ListView<Finding> list = new ListView<>(model.findings());
        list.setId("findingsList");
        list.setCellFactory(view -> new FindingCell(finding -> model.waiver(finding).isPresent(),
            finding -> !model.notes(finding).isEmpty()));
        model.waivers().addListener((MapChangeListener<String, Waiver>) change -> list.refresh());
        model.notes().addListener((ListChangeListener<Note>) change -> {
            list.refresh();
            showNotes(shown);
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> show(now));

        Label changesTitle = new Label("Changes between versions");
        changesTitle.getStyleClass().add(Styles.TITLE_4);
        ListView<String> changes = new ListView<>(model.changes());
        changes.setId("changesList");
        changes.setPrefHeight(120);
        changes.setPlaceholder(new Label("No verdict changed between the versions run so far."));
        changes.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(String line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty ? null : line);
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        VBox left = new VBox(8, list, changesTitle, changes);
        left.setPadding(new Insets(16, 8, 16, 16));
        VBox.setVgrow(list, Priority.ALWAYS);

        SplitPane split = new SplitPane(left, createDetail());
        split.setDividerPositions(0.4);
        return split;
    }

    private Node createDetail() {
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.setId("findingSummary");
        facts.setHgap(16);
        facts.setVgap(4);
        facts.getColumnConstraints().add(new ColumnConstraints(250));
        transcript.setEditable(false);
        transcript.setWrapText(true);
        transcript.getStyleClass().add("monospace");
        transcript.setPrefRowCount(14);
        Label evidence = new Label("What was sent and received");
        evidence.getStyleClass().add(Styles.TITLE_4);
        VBox box = new VBox(10, title, summary, waiverBox, facts, createNotes(), evidence, transcript);
        box.setPadding(new Insets(16, 24, 16, 16));
        VBox.setVgrow(transcript, Priority.ALWAYS);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        return scroll;
    }

    private Node createNotes() {
        Label caption = new Label("Notes");
        caption.getStyleClass().add(Styles.TITLE_4);
        notesList.setId("notesList");
        return new VBox(8, caption, notesList, noteText, NoteLines.addButton("addNote", noteText, this::addNote));
    }

    private void addNote() {
        if (shown != null && model.addNote(shown, noteText.getText(), Instant.now())) {
            noteText.clear();
        }
    }

    private void showNotes(Finding finding) {
        if (finding == null) {
            notesList.getChildren().clear();
            return;
        }
        List<Note> notes = model.notes(finding);
        if (notes.isEmpty()) {
            Label none = new Label("No notes on this result yet.");
            none.getStyleClass().add(Styles.TEXT_MUTED);
            notesList.getChildren().setAll(none);
        } else {
            notesList.getChildren().setAll(notes.stream().map(NoteLines::of).toList());
        }
    }

    private void show(Finding finding) {
        facts.getChildren().clear();
        if (shown != null) {
            drafts.put(draftKey(shown), noteText.getText());
        }
        shown = finding;
        showNotes(finding);
        if (finding == null) {
            noteText.clear();
            return;
        }
        noteText.setText(drafts.getOrDefault(draftKey(finding), ""));
        CheckResult result = finding.result();
        title.setText(finding.verdictText() + " · " + finding.check().title() + " · " + finding.reference());
        summary.setText(result.summary());
        int row = 0;
        row = fact(row, "HIPAA Security Rule", finding.check().hipaaReference());
        row = fact(row, "Target", result.target());
        row = fact(row, "Started", result.startedAt().toString());
        row = fact(row, "Took", result.duration().toMillis() + " ms");
        if (result.errorReason() != null) {
            row = fact(row, "Could not run", result.errorReason().description());
        }
        for (Map.Entry<String, String> entry : result.evidence().facts().entrySet()) {
            row = fact(row, entry.getKey(), entry.getValue());
        }
        transcript.setText(String.join("\n", result.evidence().transcript()));
        showWaiver(finding);
    }

    private void showWaiver(Finding finding) {
        waiverBox.getChildren().clear();
        Optional<Waiver> waiver = model.waiver(finding);
        if (waiver.isPresent()) {
            Label text = new Label("Waived until " + waiver.get().expires() + ", approved by "
                + waiver.get().approver() + ": " + waiver.get().justification(), new FontIcon(Material2MZ.POLICY));
            text.setId("waiverText");
            text.setWrapText(true);
            text.getStyleClass().add(Styles.WARNING);
            waiverBox.getChildren().add(text);
        } else if (finding.result().verdict() == Verdict.FAIL || finding.result().verdict() == Verdict.ERROR) {
            Button waive = new Button("Waive…", new FontIcon(Material2MZ.POLICY));
            waive.setId("waiveButton");
            waive.setOnAction(event -> new WaiverDialog(finding, model).showAndWait().ifPresent(ok -> show(finding)));
            waiverBox.getChildren().add(waive);
        }
    }

    private static String draftKey(Finding finding) {
        return FindingsViewModel.key(finding.reference(), finding.check().id());
    }

    private int fact(int row, String name, String value) {
        Label key = new Label(name);
        key.getStyleClass().add(Styles.TEXT_MUTED);
        key.setWrapText(true);
        Label text = new Label(value);
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        facts.addRow(row, key, text);
        return row + 1;
    }

    /** The verdict as a badge, then the check and the version. */
    private static final class FindingCell extends ListCell<Finding> {
        private final Label badge = new Label();
        private final Label check = new Label();
        private final Label version = new Label();
        private final Label waived = new Label("waived");
        private final Label noted = new Label("noted");
        private final HBox box;
        private final Predicate<Finding> waivedCheck;
        private final Predicate<Finding> notedCheck;

        FindingCell(Predicate<Finding> waivedCheck, Predicate<Finding> notedCheck) {
            this.waivedCheck = waivedCheck;
            this.notedCheck = notedCheck;
            waived.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.WARNING);
            noted.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            badge.getStyleClass().add("verdict-badge");
            badge.setMinWidth(58);
            badge.setAlignment(Pos.CENTER);
            check.getStyleClass().add(Styles.TEXT_BOLD);
            version.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            box = new HBox(10, badge, new VBox(2, check, version), waived, noted);
            box.setAlignment(Pos.CENTER_LEFT);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Finding finding, boolean empty) {
            super.updateItem(finding, empty);
            if (empty || finding == null) {
                setGraphic(null);
                return;
            }
            String kind = switch (finding.result().verdict()) {
                case PASS -> "pass";
                case FAIL -> "fail";
                case NOT_APPLICABLE -> "na";
                case ERROR -> "error";
            };
            for (String name : new String[] {"pass", "fail", "na", "error"}) {
                badge.pseudoClassStateChanged(PseudoClass.getPseudoClass(name), name.equals(kind));
            }
            badge.setText(finding.verdictText());
            waived.setVisible(waivedCheck.test(finding));
            noted.setVisible(notedCheck.test(finding));
            check.setText(finding.check().title());
            version.setText(finding.reference());
            setGraphic(box);
        }
    }
}

package dev.vetbench.ui.report;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.vetbench.assessment.Note;
import dev.vetbench.report.Verification;
import dev.vetbench.ui.common.ErrorPane;
import dev.vetbench.ui.common.FileDialogs;
import dev.vetbench.ui.common.NoteLines;
import dev.vetbench.ui.common.WorkbenchScreen;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Instant;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The Report screen: parties, signing identity, export of the signed PDF and JSON, preview, verify by drop. */
public final class ReportView implements WorkbenchScreen {

    private final ReportViewModel model;
    private final FileDialogs dialogs;
    private final SplitPane root;
    private final ObservableBooleanValue runnable;
    private final TextField identityFile = new TextField();
    private final PasswordField password = new PasswordField();
    private final VBox previewPages = new VBox(12);
    private final VBox verifyResult = new VBox(4);

    public ReportView(ReportViewModel model, AssessmentNotesViewModel notes, FileDialogs dialogs) {
        this.model = model;
        this.dialogs = dialogs;
        this.runnable = model.busyProperty().not();
        // Notes come last: Export stays in view without scrolling on a laptop screen.
        VBox form = new VBox(14, header(), partiesCard(), identityCard(), exportCard(), status(), errors(),
            verifyCard(), notesCard(notes));
        form.setPadding(new Insets(24, 24, 24, 32));
        ScrollPane left = new ScrollPane(form);
        left.setId("reportForm");
        left.setFitToWidth(true);
        left.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        root = new SplitPane(left, preview());
        root.setDividerPositions(0.55);
        model.pages().addListener((ListChangeListener<BufferedImage>) c ->
            showPages());
        model.verificationProperty().addListener((obs, old, now) -> showVerification(now));
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void run() {
        chooseExport();
    }

    @Override
    public ObservableBooleanValue runnable() {
        return runnable;
    }

    private Node header() {
        Label title = new Label("Report");
        title.getStyleClass().add(Styles.TITLE_2);
        Label hint = new Label("One signed PDF for people and one JSON document for machines, from the same results.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        return new VBox(4, title, hint);
    }

    private Node partiesCard() {
        GridPane grid = form();
        row(grid, 0, "Vendor", field("vendorField", "e.g. MediVendor Inc.", model.vendorProperty()));
        row(grid, 1, "Product", field("productField", "e.g. Patient Records Suite", model.productProperty()));
        row(grid, 2, "Assessor", field("assessorField", "Your name", model.assessorProperty()));
        row(grid, 3, "Organisation", field("organisationField", "e.g. St. Mary's Hospital",
            model.organisationProperty()));
        row(grid, 4, "Role", field("roleField", "e.g. Security assessor", model.roleProperty()));
        return card("Who and what", grid);
    }

    private static Node notesCard(AssessmentNotesViewModel notes) {
        VBox list = new VBox(8);
        list.setId("assessmentNotes");
        Runnable show = () -> {
            if (notes.notes().isEmpty()) {
                Label none = new Label("No notes on the whole assessment yet; notes on one result are on Findings.");
                none.getStyleClass().add(Styles.TEXT_MUTED);
                none.setWrapText(true);
                list.getChildren().setAll(none);
            } else {
                list.getChildren().setAll(notes.notes().stream().map(NoteLines::of).toList());
            }
        };
        show.run();
        notes.notes().addListener((ListChangeListener<Note>) change -> show.run());
        TextArea text = NoteLines.entry("assessmentNoteText",
            "What was agreed on scope, what the vendor said, what to ask next…", 2);
        Button add = NoteLines.addButton("addAssessmentNote", text, () -> {
            if (notes.add(text.getText(), Instant.now())) {
                text.clear();
            }
        });
        return card("Notes on the whole assessment", list, text, add);
    }

    private Node identityCard() {
        identityFile.setPromptText("assessor.p12");
        identityFile.setId("identityFile");
        password.setPromptText("Password of the PKCS#12 file");
        password.setId("identityPassword");
        Button browse = new Button("Browse…", new FontIcon(Material2AL.FOLDER_OPEN));
        browse.setOnAction(event -> chooseIdentity());
        HBox.setHgrow(identityFile, Priority.ALWAYS);
        Button open = new Button("Open");
        open.setId("openIdentity");
        open.setOnAction(event -> model.openIdentity(identityPath(), password.getText().toCharArray()));
        Button create = new Button("Create new");
        create.setId("createIdentity");
        create.setOnAction(event -> model.createIdentity(identityPath(), password.getText().toCharArray()));
        Label signer = new Label();
        signer.setId("signer");
        signer.setWrapText(true);
        signer.textProperty().bind(Bindings.createStringBinding(() ->
            model.identityProperty().get() == null ? "No signing identity: the export is an unsigned draft."
                : "Signs as " + model.identityProperty().get().describe().name() + ", certificate "
                    + model.identityProperty().get().describe().subject(), model.identityProperty()));
        GridPane grid = form();
        row(grid, 0, "PKCS#12 file", new HBox(8, identityFile, browse));
        row(grid, 1, "Password", password);
        HBox buttons = new HBox(8, open, create);
        return card("Signing identity", grid, buttons, signer);
    }

    private Node exportCard() {
        Button export = new Button("Export signed PDF and JSON…", new FontIcon(Material2MZ.PICTURE_AS_PDF));
        export.setId("exportReport");
        export.getStyleClass().add(Styles.ACCENT);
        export.disableProperty().bind(model.busyProperty());
        export.setOnAction(event -> chooseExport());
        return card("Export", export);
    }

    private Node status() {
        Label status = new Label();
        status.setId("reportStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        return status;
    }

    private Node errors() {
        ErrorPane pane = new ErrorPane();
        pane.visibleProperty().bind(model.errorProperty().isNotNull());
        pane.managedProperty().bind(pane.visibleProperty());
        model.errorProperty().addListener((obs, old, report) -> {
            if (report != null) {
                pane.show(report);
            }
        });
        return pane;
    }

    private Node verifyCard() {
        Label drop = new Label("Drop a signed report (PDF, or JSON with its .p7s) here to verify it",
            new FontIcon(Material2MZ.VERIFIED));
        drop.getStyleClass().add("drop-zone");
        drop.setMaxWidth(Double.MAX_VALUE);
        drop.setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        drop.setOnDragDropped(event -> {
            boolean files = event.getDragboard().hasFiles();
            if (files) {
                model.verify(event.getDragboard().getFiles().get(0).toPath());
            }
            event.setDropCompleted(files);
            event.consume();
        });
        Button browse = new Button("Verify a file…");
        browse.setId("verifyFile");
        browse.setOnAction(event -> chooseVerify());
        return card("Verify", drop, browse, verifyResult);
    }

    private Node preview() {
        Label caption = new Label("Preview");
        caption.getStyleClass().add(Styles.TITLE_4);
        Label none = new Label("The pages of the exported PDF appear here.");
        none.getStyleClass().add(Styles.TEXT_MUTED);
        previewPages.getChildren().setAll(none);
        previewPages.setAlignment(Pos.TOP_CENTER);
        VBox box = new VBox(8, caption, previewPages);
        box.setPadding(new Insets(24));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, "report-preview");
        return scroll;
    }

    private void showPages() {
        previewPages.getChildren().setAll(model.pages().stream().map(page -> {
            ImageView view = new ImageView(SwingFXUtils.toFXImage(page, null));
            view.getStyleClass().add("preview-page");
            return (Node) view;
        }).toList());
    }

    private void showVerification(Verification verification) {
        verifyResult.getChildren().clear();
        if (verification == null) {
            return;
        }
        for (Verification.Step step : verification.checks()) {
            Label line = new Label(step.what() + ": " + step.detail(),
                new FontIcon(step.passed() ? Material2AL.CHECK_CIRCLE : Material2AL.CANCEL));
            line.setWrapText(true);
            line.getStyleClass().add(step.passed() ? Styles.SUCCESS : Styles.DANGER);
            verifyResult.getChildren().add(line);
        }
    }

    private void chooseIdentity() {
        dialogs.open(window(), "PKCS#12 file with the assessor's certificate",
            new FileChooser.ExtensionFilter("PKCS#12", "*.p12", "*.pfx"))
            .ifPresent(file -> identityFile.setText(file.toString()));
    }

    private void chooseExport() {
        dialogs.save(window(), "Export the report", "assessment-report.pdf").ifPresent(model::export);
    }

    private void chooseVerify() {
        dialogs.open(window(), "Verify a report").ifPresent(model::verify);
    }

    private Window window() {
        return root.getScene().getWindow();
    }

    private Path identityPath() {
        String text = identityFile.getText().strip();
        return Path.of(text.isEmpty() ? "assessor.p12" : text);
    }

    private static GridPane form() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(new ColumnConstraints(110), grow);
        return grid;
    }

    private static void row(GridPane grid, int row, String name, Node field) {
        grid.addRow(row, new Label(name), field);
    }

    private static TextField field(String id, String prompt, StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static Node card(String title, Node... children) {
        Label caption = new Label(title);
        caption.getStyleClass().add(Styles.TITLE_4);
        VBox card = new VBox(10, caption);
        card.getChildren().addAll(children);
        card.getStyleClass().add("card-box");
        return card;
    }
}

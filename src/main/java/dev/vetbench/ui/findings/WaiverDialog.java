package dev.vetbench.ui.findings;

import atlantafx.base.theme.Styles;
import dev.vetbench.ui.findings.FindingsViewModel.Finding;
import java.time.LocalDate;
import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** Asks for a waiver's justification, approver and expiry; the verdict itself is never changed. */
final class WaiverDialog extends Dialog<Boolean> {

    WaiverDialog(Finding finding, FindingsViewModel model) {
        setTitle("Waive a finding");
        setHeaderText(finding.verdictText() + " · " + finding.check().title() + " · " + finding.reference());
        TextArea justification = new TextArea();
        justification.setId("waiverJustification");
        justification.setPromptText("Why this finding is accepted, and what mitigates it");
        justification.setPrefRowCount(4);
        justification.setWrapText(true);
        TextField approver = new TextField();
        approver.setId("waiverApprover");
        approver.setPromptText("Who approved it");
        DatePicker expires = new DatePicker(LocalDate.now().plusMonths(6));
        expires.setId("waiverExpires");
        Label problem = new Label();
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.addRow(0, new Label("Justification"), justification);
        grid.addRow(1, new Label("Approved by"), approver);
        grid.addRow(2, new Label("Expires"), expires);
        grid.add(problem, 1, 3);
        getDialogPane().setContent(grid);
        getDialogPane().setPrefWidth(560);

        ButtonType waive = new ButtonType("Waive", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(waive, ButtonType.CANCEL);
        Button ok = (Button) getDialogPane().lookupButton(waive);
        ok.addEventFilter(ActionEvent.ACTION, event -> {
            Optional<String> refused = model.waive(finding, justification.getText(), approver.getText(),
                expires.getValue(), LocalDate.now());
            refused.ifPresent(sentence -> {
                problem.setText(sentence);
                event.consume(); // Keep the dialog open until the waiver is complete.
            });
        });
        setResultConverter(button -> button == waive ? Boolean.TRUE : null);
    }
}

package dev.vetbench.ui.checks;

import dev.vetbench.checks.CheckResult;
import dev.vetbench.ui.checks.CheckMatrixViewModel.Cell;
import dev.vetbench.ui.checks.CheckMatrixViewModel.CellState;
import dev.vetbench.ui.checks.CheckMatrixViewModel.Row;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** One matrix cell: queued, running with its elapsed time, or the verdict with a one-line summary on hover. */
final class MatrixCell extends TableCell<Row, Cell> {

    private static final List<String> STATES = List.of("queued", "running", "pass", "fail", "na", "error");

    private final ObservableValue<Instant> clock;
    private final Label badge = new Label();
    private final FontIcon icon = new FontIcon();
    private final Tooltip tooltip = new Tooltip();
    private String shownKind;
    private CheckResult shownResult;

    MatrixCell(ObservableValue<Instant> clock) {
        this.clock = clock;
        badge.setGraphic(icon);
        badge.getStyleClass().add("verdict-badge");
        getStyleClass().add("matrix-cell");
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
    }

    @Override
    protected void updateItem(Cell cell, boolean empty) {
        super.updateItem(cell, empty);
        badge.textProperty().unbind();
        shownKind = null;
        if (empty || cell == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        badge.textProperty().bind(Bindings.createStringBinding(() -> render(cell), cell.stateProperty(),
            cell.resultProperty(), cell.startedAtProperty(), clock));
        setGraphic(badge);
    }

    private String render(Cell cell) {
        CellState state = cell.stateProperty().get();
        CheckResult result = cell.resultProperty().get();
        String kind = switch (state) {
            case QUEUED -> "queued";
            case RUNNING -> "running";
            case DONE -> verdictClass(result);
            default -> "";
        };
        if (!kind.equals(shownKind) || result != shownResult) {
            // Only on a change of state: the clock re-renders running cells ten times a second.
            shownKind = kind;
            shownResult = result;
            STATES.forEach(name -> badge.pseudoClassStateChanged(PseudoClass.getPseudoClass(name),
                name.equals(kind)));
            icon.setIconCode(iconFor(kind));
            setTooltip(result == null ? null : tooltip);
            if (result != null) {
                tooltip.setText(result.summary());
            }
        }
        return switch (state) {
            case NOT_RUN -> "not run";
            case QUEUED -> "queued";
            case RUNNING -> "running " + elapsed(cell.startedAtProperty().get());
            case DONE -> label(result);
        };
    }

    private static String verdictClass(CheckResult result) {
        return switch (result.verdict()) {
            case PASS -> "pass";
            case FAIL -> "fail";
            case NOT_APPLICABLE -> "na";
            case ERROR -> "error";
        };
    }

    private static String label(CheckResult result) {
        return switch (result.verdict()) {
            case PASS -> "PASS";
            case FAIL -> "FAIL";
            case NOT_APPLICABLE -> "N/A";
            case ERROR -> "ERROR (" + result.errorReason().description() + ")";
        };
    }

    private static Ikon iconFor(String kind) {
        return switch (kind) {
            case "queued" -> Material2MZ.PENDING;
            case "running" -> Material2MZ.SYNC;
            case "pass" -> Material2AL.CHECK_CIRCLE;
            case "fail" -> Material2AL.CANCEL;
            case "na" -> Material2MZ.REMOVE_CIRCLE_OUTLINE;
            case "error" -> Material2MZ.WARNING;
            default -> Material2AL.FIBER_MANUAL_RECORD;
        };
    }

    private String elapsed(Instant started) {
        if (started == null) {
            return "";
        }
        Duration elapsed = Duration.between(started, clock.getValue() == null ? Instant.now() : clock.getValue());
        return String.format(Locale.ROOT, "%.1f s", Math.max(0, elapsed.toMillis()) / 1000.0);
    }
}

package dev.vetbench.ui.checks;

import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.ErrorReason;
import dev.vetbench.checks.Evidence;
import dev.vetbench.checks.Verdict;
import dev.vetbench.ui.common.BackgroundTasks;
import dev.vetbench.ui.common.BackgroundTasks.RunningTask;
import dev.vetbench.ui.versions.VersionRow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Checks screen's state: a matrix of image versions against checks, each cell queued, running, or done with
 * the engine's result; a live log; cancel. Usable without the FX toolkit.
 */
public final class CheckMatrixViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(CheckMatrixViewModel.class);
    private static final int MAX_LOG_LINES = 5000;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    /** Where a cell stands. */
    public enum CellState { NOT_RUN, QUEUED, RUNNING, DONE }

    private final CheckEngine engine;
    private final BackgroundTasks tasks;
    private final List<CheckInfo> checks;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final Queue<String> pendingLines = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final Map<Cell, RunningTask> running = new LinkedHashMap<>();
    private final Map<String, List<CheckResult>> restored = new HashMap<>();
    private Consumer<Cell> onFinished = cell -> { };

    public CheckMatrixViewModel(CheckEngine engine, BackgroundTasks tasks) {
        this.engine = engine;
        this.tasks = tasks;
        this.checks = List.copyOf(engine.checks());
    }

    /** Shows these versions as rows, keeping the results of versions that stay. */
    public void setVersions(List<VersionRow> versions) {
        List<Row> kept = new ArrayList<>();
        for (VersionRow version : versions) {
            kept.add(rows.stream().filter(row -> row.version.equals(version)).findFirst()
                .orElseGet(() -> restore(new Row(version, checks))));
        }
        rows.stream().filter(row -> !kept.contains(row)).forEach(row -> row.cells.values().forEach(this::cancel));
        rows.setAll(kept);
    }

    /** Called on the UI thread with each cell whose check has just finished (not for restored results). */
    public void onFinished(Consumer<Cell> listener) {
        this.onFinished = listener;
    }

    /** Results saved by an earlier run, by version reference; shown as soon as their version is in the matrix. */
    public void restore(Map<String, List<CheckResult>> results) {
        restored.putAll(results);
        rows.forEach(this::restore);
    }

    /** Forgets every result and restored result (before opening another assessment); running cells are cancelled. */
    public void clearResults() {
        cancelAll();
        restored.clear();
        rows.forEach(row -> row.cells.values().forEach(cell -> {
            cell.result.set(null);
            cell.state.set(CellState.NOT_RUN);
        }));
    }

    private Row restore(Row row) {
        for (CheckResult result : restored.getOrDefault(row.version.reference(), List.of())) {
            Cell cell = row.cell(result.checkId());
            if (cell != null && cell.state.get() == CellState.NOT_RUN) {
                cell.result.set(result);
                cell.state.set(CellState.DONE);
            }
        }
        return row;
    }

    public void runAll() {
        rows.forEach(row -> row.cells.values().forEach(this::run));
    }

    public void runRow(Row row) {
        row.cells.values().forEach(this::run);
    }

    public void runColumn(String checkId) {
        rows.forEach(row -> run(row.cell(checkId)));
    }

    /** Queues one cell; a cell that is already queued or running is left alone. */
    public void run(Cell cell) {
        if (cell.state.get() == CellState.QUEUED || cell.state.get() == CellState.RUNNING) {
            return;
        }
        cell.state.set(CellState.QUEUED);
        cell.result.set(null);
        AtomicBoolean cancelled = new AtomicBoolean();
        RunningTask task = tasks.create(() -> execute(cell, cancelled))
            .onSuccess(result -> finish(cell, result))
            .onError(e -> finish(cell, couldNotRun(cell, e)))
            .andFinally(() -> settle(cell))
            .start();
        running.put(cell, () -> {
            cancelled.set(true);
            task.cancel();
        });
        busy.set(true);
    }

    /** Cancels every queued and running cell; they go back to "not run". */
    public void cancelAll() {
        new ArrayList<>(running.keySet()).forEach(this::cancel);
    }

    private void cancel(Cell cell) {
        RunningTask task = running.remove(cell);
        if (task != null) {
            task.cancel();
            line(cell, "cancelled");
            cell.state.set(CellState.NOT_RUN);
            cell.startedAt.set(null);
        }
        busy.set(!running.isEmpty());
    }

    private CheckResult execute(Cell cell, AtomicBoolean cancelled) {
        tasks.publish(() -> {
            if (!cancelled.get()) {
                cell.state.set(CellState.RUNNING);
                cell.startedAt.set(Instant.now());
                line(cell, "started");
            }
        });
        return engine.run(cell.check.id(), cell.version, text -> lineFromWorker(cell, text), cancelled::get);
    }

    private void finish(Cell cell, CheckResult result) {
        running.remove(cell);
        cell.result.set(result);
        cell.state.set(CellState.DONE);
        line(cell, result.verdict() + " in " + result.duration().toMillis() + " ms: " + result.summary());
        onFinished.accept(cell);
        LOG.info("{} on {} {} in {} ms", cell.check.id(), cell.version.reference(), result.verdict(),
            result.duration().toMillis());
    }

    private void settle(Cell cell) {
        busy.set(!running.isEmpty());
    }

    // The engine returns ERROR verdicts itself; this covers a failure outside the check (the wiring threw).
    private static CheckResult couldNotRun(Cell cell, Throwable e) {
        LOG.error("Running {} on {} failed", cell.check.id(), cell.version.reference(), e);
        Instant started = cell.startedAt.get() == null ? Instant.now() : cell.startedAt.get();
        return new CheckResult(cell.check.id(), cell.version.reference(), Verdict.ERROR,
            "Vetbench could not run this check: " + e.getClass().getSimpleName() + ".", ErrorReason.BUG,
            Evidence.builder().line(String.valueOf(e.getMessage())).build(), started,
            Duration.between(started, Instant.now()));
    }

    // Engine lines arrive per handshake record from two workers at once: they queue here and reach the list in one
    // change per FX turn, not one Platform.runLater and one ListView update per line.
    private void lineFromWorker(Cell cell, String text) {
        pendingLines.add(format(cell, text));
        if (!flushScheduled.getAndSet(true)) {
            tasks.publish(this::flushLog);
        }
    }

    private void line(Cell cell, String text) {
        pendingLines.add(format(cell, text));
        flushLog();
    }

    private void flushLog() {
        flushScheduled.set(false);
        List<String> batch = new ArrayList<>();
        for (String next = pendingLines.poll(); next != null; next = pendingLines.poll()) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }

        int overflow = log.size() + batch.size() - MAX_LOG_LINES;
        if (overflow >= log.size()) {
            log.setAll(batch.subList(batch.size() - Math.min(batch.size(), MAX_LOG_LINES), batch.size()));
        } else {
            if (overflow > 0) {
                log.remove(0, overflow);
            }
            log.addAll(batch);
        }
    }

    private static String format(Cell cell, String text) {
        String time = LocalTime.now(ZoneId.systemDefault()).format(CLOCK);
        return time + "  " + cell.version.reference() + "  " + cell.check.id() + "  " + text;
    }

    public List<CheckInfo> checks() {
        return checks;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<String> log() {
        return log;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Every cell that has a result, row by row. */
    public List<Cell> finishedCells() {
        return rows.stream().flatMap(row -> row.cells.values().stream())
            .filter(cell -> cell.result.get() != null).toList();
    }

    /** One image version and its cell per check. */
    public static final class Row {
        private final VersionRow version;
        private final Map<String, Cell> cells = new LinkedHashMap<>();

        Row(VersionRow version, List<CheckInfo> checks) {
            this.version = version;
            checks.forEach(check -> cells.put(check.id(), new Cell(version, check)));
        }

        public VersionRow version() {
            return version;
        }

        public Cell cell(String checkId) {
            return cells.get(checkId);
        }
    }

    /** One check on one version. */
    public static final class Cell {
        private final VersionRow version;
        private final CheckInfo check;
        private final ObjectProperty<CellState> state = new SimpleObjectProperty<>(CellState.NOT_RUN);
        private final ObjectProperty<CheckResult> result = new SimpleObjectProperty<>();
        private final ObjectProperty<Instant> startedAt = new SimpleObjectProperty<>();

        Cell(VersionRow version, CheckInfo check) {
            this.version = version;
            this.check = check;
        }

        public VersionRow version() {
            return version;
        }

        public CheckInfo check() {
            return check;
        }

        public ObjectProperty<CellState> stateProperty() {
            return state;
        }

        public ObjectProperty<CheckResult> resultProperty() {
            return result;
        }

        public ObjectProperty<Instant> startedAtProperty() {
            return startedAt;
        }
    }
}

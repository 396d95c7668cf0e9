package dev.vetbench.ui.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.ErrorReason;
import dev.vetbench.checks.Evidence;
import dev.vetbench.checks.Verdict;
import dev.vetbench.ui.checks.CheckMatrixViewModel.Cell;
import dev.vetbench.ui.checks.CheckMatrixViewModel.CellState;
import dev.vetbench.ui.common.BackgroundTasks;
import dev.vetbench.ui.versions.VersionRow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The matrix without the FX toolkit. Outcomes are published to a queue that the test drains, standing in for the
 * FX thread, so every state change happens on one thread as in the window.
 */
class CheckMatrixViewModelTest {

    private static final VersionRow FLAWED = version("1.4.2");
    private static final VersionRow FIXED = version("1.5.0");

    private final LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
    private final BackgroundTasks tasks = new BackgroundTasks(BackgroundTasks.boundedWorkers(2), ui::add);

    @AfterEach
    void stopWorkers() {
        tasks.close();
    }

    @Test
    void runningEverythingFillsEachCellWithTheEnginesVerdict() throws Exception {
        CheckMatrixViewModel model = new CheckMatrixViewModel(new VerdictByTag(null), tasks);
        model.setVersions(List.of(FLAWED, FIXED));

        model.runAll();
        assertThat(cell(model, 0, "proxy-protocol").stateProperty().get()).isEqualTo(CellState.QUEUED);
        drainUntil(() -> !model.busyProperty().get());

        assertThat(verdict(model, 0, "proxy-protocol")).isEqualTo(Verdict.FAIL);
        assertThat(verdict(model, 1, "proxy-protocol")).isEqualTo(Verdict.PASS);
        assertThat(verdict(model, 0, "heartbleed")).isEqualTo(Verdict.ERROR);
        assertThat(model.finishedCells()).hasSize(4);
        assertThat(model.log()).anyMatch(line -> line.contains("medivendor/frontend:1.4.2  proxy-protocol  FAIL"));
    }

    @Test
    void aColumnRunsOneCheckOnEveryVersionAndLeavesTheOthersAlone() throws Exception {
        CheckMatrixViewModel model = new CheckMatrixViewModel(new VerdictByTag(null), tasks);
        model.setVersions(List.of(FLAWED, FIXED));

        model.runColumn("proxy-protocol");
        drainUntil(() -> !model.busyProperty().get());

        assertThat(cell(model, 0, "heartbleed").stateProperty().get()).isEqualTo(CellState.NOT_RUN);
        assertThat(cell(model, 1, "proxy-protocol").stateProperty().get()).isEqualTo(CellState.DONE);
    }

    @Test
    void cancelStopsRunningCellsAndPutsThemBackToNotRun() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        CheckMatrixViewModel model = new CheckMatrixViewModel(new VerdictByTag(never), tasks);
        model.setVersions(List.of(FLAWED));
        model.runRow(model.rows().get(0));
        drainUntil(() -> cell(model, 0, "heartbleed").stateProperty().get() == CellState.RUNNING);

        model.cancelAll();
        Thread.sleep(100);
        drain();

        assertThat(model.busyProperty().get()).isFalse();
        assertThat(cell(model, 0, "heartbleed").stateProperty().get()).isEqualTo(CellState.NOT_RUN);
        assertThat(cell(model, 0, "heartbleed").resultProperty().get()).isNull();
        assertThat(model.log()).anyMatch(line -> line.endsWith("cancelled"));
    }

    @Test
    void versionsThatStayKeepTheirResults() throws Exception {
        CheckMatrixViewModel model = new CheckMatrixViewModel(new VerdictByTag(null), tasks);
        model.setVersions(List.of(FLAWED));
        model.runAll();
        drainUntil(() -> !model.busyProperty().get());

        model.setVersions(List.of(FIXED, FLAWED));

        assertThat(model.rows()).extracting(row -> row.version().tag()).containsExactly("1.5.0", "1.4.2");
        assertThat(verdict(model, 1, "proxy-protocol")).isEqualTo(Verdict.FAIL);
        assertThat(cell(model, 0, "proxy-protocol").resultProperty().get()).isNull();
    }

    private static Cell cell(CheckMatrixViewModel model, int row, String check) {
        return model.rows().get(row).cell(check);
    }

    private static Verdict verdict(CheckMatrixViewModel model, int row, String check) {
        return cell(model, row, check).resultProperty().get().verdict();
    }

    private void drainUntil(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Runnable next = ui.poll(50, TimeUnit.MILLISECONDS);
            if (next != null) {
                next.run();
            }
        }
        assertThat(done.getAsBoolean()).as("the matrix reached the expected state in time").isTrue();
    }

    private void drain() {
        for (Runnable next = ui.poll(); next != null; next = ui.poll()) {
            next.run();
        }
    }

    private static VersionRow version(String tag) {
        return new VersionRow("medivendor/frontend", tag, "sha256:" + "a".repeat(64), 136_000_000, Instant.now(),
            true);
    }

    /**
     * Stands in for the engine at the view model's seam: the flawed tag fails PROXY protocol and cannot be
     * reached for Heartbleed; the engine itself is tested in the checks package.
     */
    private record VerdictByTag(CountDownLatch block) implements CheckEngine {
        @Override
        public List<CheckInfo> checks() {
            return List.of(new CheckInfo("heartbleed", "Heartbleed", "164.312(e)(1)"),
                new CheckInfo("proxy-protocol", "PROXY protocol", "164.312(b)"));
        }

        @Override
        public CheckResult run(String checkId, VersionRow version, Consumer<String> log, BooleanSupplier cancelled) {
            log.accept("connecting");
            if (block != null) {
                try {
                    block.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            boolean flawed = version.tag().equals("1.4.2");
            Verdict verdict = !flawed ? Verdict.PASS : checkId.equals("heartbleed") ? Verdict.ERROR : Verdict.FAIL;
            return new CheckResult(checkId, version.reference(), verdict, verdict + " for " + version.tag(),
                verdict == Verdict.ERROR ? ErrorReason.CONNECTION_REFUSED : null, Evidence.empty(), Instant.now(),
                Duration.ofMillis(5));
        }
    }
}

package dev.vetbench.ui.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.assessment.Note;
import dev.vetbench.assessment.Waiver;
import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.ErrorReason;
import dev.vetbench.checks.Evidence;
import dev.vetbench.checks.Verdict;
import dev.vetbench.ui.checks.CheckEngine;
import dev.vetbench.ui.checks.CheckInfo;
import dev.vetbench.ui.checks.CheckMatrixViewModel;
import dev.vetbench.ui.common.BackgroundTasks;
import dev.vetbench.ui.findings.FindingsViewModel.Finding;
import dev.vetbench.ui.versions.VersionRow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

class FindingsViewModelTest {

    private static final CheckInfo PROXY = new CheckInfo("proxy-protocol", "PROXY protocol", "164.312(b)");
    private static final CheckInfo HEARTBLEED = new CheckInfo("heartbleed", "Heartbleed", "164.312(e)(1)");

    @Test
    void aFailThatPassesInTheNextVersionIsReportedAsFixed() {
        List<String> changes = FindingsViewModel.changes(List.of(
            finding("1.5.0", PROXY, Verdict.PASS), finding("1.4.2", PROXY, Verdict.FAIL)));

        assertThat(changes).containsExactly("PROXY protocol on medivendor/frontend: FAIL in 1.4.2, PASS in 1.5.0 "
            + "(fixed)");
    }

    @Test
    void versionsAreComparedInVersionOrderNotAsText() {
        List<String> changes = FindingsViewModel.changes(List.of(
            finding("1.10.0", PROXY, Verdict.FAIL), finding("1.9.0", PROXY, Verdict.PASS)));

        assertThat(changes).containsExactly("PROXY protocol on medivendor/frontend: PASS in 1.9.0, FAIL in 1.10.0 "
            + "(regressed)");
    }

    @Test
    void unchangedVerdictsAndOtherChecksGiveNoChange() {
        List<String> changes = FindingsViewModel.changes(List.of(finding("1.4.2", HEARTBLEED, Verdict.PASS),
            finding("1.5.0", HEARTBLEED, Verdict.PASS), finding("1.5.0", PROXY, Verdict.FAIL)));

        assertThat(changes).isEmpty();
    }

    @Test
    void aWaiverNeedsJustificationApproverAndAFutureExpiryAndLeavesTheVerdictAlone() {
        List<Waiver> saved = new ArrayList<>();
        FindingsViewModel model = new FindingsViewModel(emptyMatrix(), FXCollections.observableHashMap(), saved::add);
        Finding fail = finding("1.4.2", PROXY, Verdict.FAIL);
        LocalDate today = LocalDate.of(2026, 12, 3);

        assertThat(model.waive(fail, " ", "Chief Information Security Officer", today.plusDays(90), today))
            .contains("A waiver needs a justification and the name of whoever approved it.");
        assertThat(model.waive(fail, "Balancer logs the client address", "CISO", today, today))
            .contains("A waiver needs an expiry date after today.");
        assertThat(model.waive(fail, "Balancer logs the client address", "CISO", today.plusDays(90), today))
            .isEmpty();

        assertThat(model.waiver(fail)).get().extracting(Waiver::approver).isEqualTo("CISO");
        assertThat(saved).hasSize(1);
        assertThat(fail.result().verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void aNoteBelongsToItsResultIsSignedByTheAssessorAndABlankOneIsNotAdded() {
        List<Note> saved = new ArrayList<>();
        ObservableList<Note> shared = FXCollections.observableArrayList();
        FindingsViewModel model = new FindingsViewModel(emptyMatrix(), FXCollections.observableHashMap(),
            waiver -> { }, shared, saved::add, () -> "Dana Assessor");
        Finding flawed = finding("1.4.2", PROXY, Verdict.FAIL);
        Finding fixed = finding("1.5.0", PROXY, Verdict.PASS);
        Instant now = Instant.parse("2026-12-03T10:15:00Z");

        assertThat(model.addNote(flawed, "  \n ", now)).isFalse();
        assertThat(model.addNote(flawed, " The vendor says 1.5.0 fixes this. ", now)).isTrue();

        Note expected = new Note("medivendor/frontend:1.4.2", "proxy-protocol", "The vendor says 1.5.0 fixes this.",
            "Dana Assessor", now);
        assertThat(model.notes(flawed)).containsExactly(expected);
        assertThat(model.notes(fixed)).isEmpty();
        assertThat(shared).containsExactly(expected);
        assertThat(saved).containsExactly(expected);
    }

    @Test
    void anErrorIsNeverShownAsAPass() {
        Finding error = finding("1.5.0", HEARTBLEED, Verdict.ERROR);

        assertThat(error.verdictText()).isEqualTo("ERROR");
    }

    private static CheckMatrixViewModel emptyMatrix() {
        CheckEngine none = new CheckEngine() {
            @Override
            public List<CheckInfo> checks() {
                return List.of(PROXY);
            }

            @Override
            public CheckResult run(String checkId, VersionRow version, Consumer<String> log,
                    BooleanSupplier cancelled) {
                throw new AssertionError("nothing runs in this test");
            }
        };
        return new CheckMatrixViewModel(none, new BackgroundTasks(Executors.newSingleThreadExecutor(), Runnable::run));
    }

    private static Finding finding(String tag, CheckInfo check, Verdict verdict) {
        CheckResult result = new CheckResult(check.id(), "medivendor/frontend:" + tag, verdict, verdict + " summary",
            verdict == Verdict.ERROR ? ErrorReason.TIMEOUT : null, Evidence.empty(), Instant.now(),
            Duration.ofMillis(3));
        return new Finding("medivendor/frontend", tag, check, result);
    }
}

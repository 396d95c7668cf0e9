package dev.vetbench.ui.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.Evidence;
import dev.vetbench.checks.Verdict;
import dev.vetbench.ui.common.BackgroundTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Report screen's behaviour over the real report package, without the FX toolkit. */
class ReportViewModelTest {

    private static final String DIGEST = "sha256:" + "ab".repeat(32);

    @TempDir
    Path directory;

    private final BackgroundTasks tasks = new BackgroundTasks(Executors.newSingleThreadExecutor(), Runnable::run);

    @AfterEach
    void stopWorkers() {
        tasks.close();
    }

    @Test
    void aFirstTimeAssessorCreatesAnIdentityExportsASignedReportAndItVerifies() throws Exception {
        ReportViewModel model = filledIn(List.of(entry("1.4.2", Verdict.FAIL), entry("1.5.0", Verdict.PASS)));

        model.createIdentity(directory.resolve("assessor.p12"), "correct horse".toCharArray());
        awaitIdle(model);
        assertThat(model.identityProperty().get()).as(String.valueOf(model.errorProperty().get())).isNotNull();
        model.export(directory.resolve("report.pdf"));
        awaitIdle(model);

        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.exportedProperty().get().pdf()).exists();
        assertThat(model.exportedProperty().get().jsonSignature()).isPresent();
        assertThat(model.pages()).isNotEmpty().allMatch(page -> page.getWidth() > 100);
        assertThat(model.statusProperty().get()).startsWith("Exported the signed report: report.pdf");

        model.verify(directory.resolve("report.pdf"));
        awaitIdle(model);
        assertThat(model.verificationProperty().get().valid()).isTrue();
    }

    @Test
    void aChangedByteMakesTheDroppedReportFailVerification() throws Exception {
        ReportViewModel model = filledIn(List.of(entry("1.5.0", Verdict.PASS)));
        model.createIdentity(directory.resolve("assessor.p12"), "pw".toCharArray());
        awaitIdle(model);
        model.export(directory.resolve("report.pdf"));
        awaitIdle(model);
        Path json = model.exportedProperty().get().json();
        byte[] bytes = Files.readAllBytes(json);
        bytes[bytes.length / 2] ^= 1;
        Files.write(json, bytes);

        model.verify(json);
        awaitIdle(model);

        assertThat(model.verificationProperty().get().valid()).isFalse();
        assertThat(model.statusProperty().get()).contains("does not verify");
    }

    @Test
    void aWrongPasswordGivesOneSentenceAndNoIdentity() throws Exception {
        ReportViewModel model = filledIn(List.of());
        model.createIdentity(directory.resolve("assessor.p12"), "right".toCharArray());
        awaitIdle(model);
        model.identityProperty().set(null);

        model.openIdentity(directory.resolve("assessor.p12"), "wrong".toCharArray());
        awaitIdle(model);

        assertThat(model.identityProperty().get()).isNull();
        assertThat(model.errorProperty().get().sentence()).doesNotContain("Exception").endsWith(".");
    }

    @Test
    void exportingWithoutResultsOrPartiesSaysWhatIsMissing() {
        ReportViewModel empty = new ReportViewModel(tasks, List::of, () -> "unix:///var/run/docker.sock", List::of);

        empty.export(directory.resolve("report.pdf"));

        assertThat(empty.errorProperty().get().sentence())
            .isEqualTo("Enter the vendor, the product and the assessor before exporting.");
        assertThat(directory.resolve("report.pdf")).doesNotExist();
    }

    private ReportViewModel filledIn(List<ReportViewModel.Entry> entries) {
        ReportViewModel model = new ReportViewModel(tasks, () -> entries, () -> "unix:///var/run/docker.sock",
            List::of);
        model.vendorProperty().set("MediVendor Inc.");
        model.productProperty().set("Patient Records Suite");
        model.assessorProperty().set("Dana Assessor");
        model.organisationProperty().set("St. Mary's Hospital");
        model.roleProperty().set("Security assessor");
        return model;
    }

    private static ReportViewModel.Entry entry(String tag, Verdict verdict) {
        CheckResult result = new CheckResult("fallback-scsv", "medivendor/frontend:" + tag + "@" + DIGEST, verdict,
            "Fallback " + verdict, null, Evidence.builder().fact("version", "TLSv1.2").build(), Instant.now(),
            Duration.ofMillis(12));
        return new ReportViewModel.Entry("medivendor/frontend", tag, DIGEST, result);
    }

    private static void awaitIdle(ReportViewModel model) throws InterruptedException {
        Thread.sleep(50);
        for (int i = 0; i < 600 && model.busyProperty().get(); i++) {
            Thread.sleep(50);
        }
    }
}

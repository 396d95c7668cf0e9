package dev.vetbench.ui.report;

import dev.vetbench.assessment.Assessment;
import dev.vetbench.assessment.Assessor;
import dev.vetbench.assessment.ImageVersion;
import dev.vetbench.assessment.Note;
import dev.vetbench.assessment.Scope;
import dev.vetbench.assessment.Waiver;
import dev.vetbench.checks.CheckResult;
import dev.vetbench.report.AssessorIdentities;
import dev.vetbench.report.ReportException;
import dev.vetbench.report.ReportFiles;
import dev.vetbench.report.ReportVerifier;
import dev.vetbench.report.ReportWriter;
import dev.vetbench.report.SigningIdentity;
import dev.vetbench.report.Verification;
import dev.vetbench.ui.common.BackgroundTasks;
import dev.vetbench.ui.common.ErrorReport;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Report screen's state: who assessed what, the signing identity, the exported report with its page previews,
 * and the verification of a report dropped on the window. Usable without the FX toolkit.
 */
public final class ReportViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ReportViewModel.class);
    private static final float PREVIEW_DPI = 48;

    /** One result to report: the version it ran on and the engine's result. */
    public record Entry(String repository, String tag, String digest, CheckResult result) {
    }

    private final BackgroundTasks tasks;
    private final Supplier<List<Entry>> results;
    private final Supplier<String> dockerHost;
    private final Supplier<List<Waiver>> waivers;
    private final Supplier<List<Note>> notes;
    private final StringProperty vendor = new SimpleStringProperty("");
    private final StringProperty product = new SimpleStringProperty("");
    private final StringProperty assessor = new SimpleStringProperty("");
    private final StringProperty organisation = new SimpleStringProperty("");
    private final StringProperty role = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<SigningIdentity> identity = new SimpleObjectProperty<>();
    private final ObjectProperty<ErrorReport> error = new SimpleObjectProperty<>();
    private final ObjectProperty<ReportFiles> exported = new SimpleObjectProperty<>();
    private final ObjectProperty<Verification> verification = new SimpleObjectProperty<>();
    private final ObservableList<BufferedImage> pages = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    /** Without notes. */
    public ReportViewModel(BackgroundTasks tasks, Supplier<List<Entry>> results, Supplier<String> dockerHost,
            Supplier<List<Waiver>> waivers) {
        this(tasks, results, dockerHost, waivers, List::of);
    }

    public ReportViewModel(BackgroundTasks tasks, Supplier<List<Entry>> results, Supplier<String> dockerHost,
            Supplier<List<Waiver>> waivers, Supplier<List<Note>> notes) {
        this.tasks = tasks;
        this.results = results;
        this.dockerHost = dockerHost;
        this.waivers = waivers;
        this.notes = notes;
    }

    /** Opens a PKCS#12 file; the password array is wiped once the key is loaded. */
    public void openIdentity(Path pkcs12, char[] password) {
        work("Opening the signing identity", () -> {
            try {
                return SigningIdentity.load(pkcs12, password);
            } finally {
                Arrays.fill(password, '\0');
            }
        }, loaded -> {
            identity.set(loaded);
            status.set("Signing as " + loaded.describe().name() + ".");
        });
    }

    /** Creates a self-signed assessor certificate in a new PKCS#12 file, for a first-time assessor. */
    public void createIdentity(Path pkcs12, char[] password) {
        String name = assessor.get().strip();
        if (name.isEmpty()) {
            fail(ErrorReport.of("Enter the assessor's name first; the certificate is issued to it.", null));
            return;
        }
        work("Creating the signing identity", () -> {
            try {
                return AssessorIdentities.createSelfSigned(pkcs12, name, organisation.get().strip(),
                    role.get().strip(), password, AssessorIdentities.KeyType.EC_P256, Duration.ofDays(3 * 365));
            } finally {
                Arrays.fill(password, '\0');
            }
        }, created -> {
            identity.set(created);
            status.set("Created a self-signed certificate for " + name + " in " + pkcs12.getFileName() + ".");
        });
    }

    /** Writes the signed PDF and the JSON (with its detached signature) and renders the PDF's pages. */
    public void export(Path pdf) {
        if (vendor.get().isBlank() || product.get().isBlank() || assessor.get().isBlank()) {
            fail(ErrorReport.of("Enter the vendor, the product and the assessor before exporting.", null));
            return;
        }
        List<Entry> entries = results.get();
        if (entries.isEmpty()) {
            fail(ErrorReport.of("Run checks first; a report without results has nothing to say.", null));
            return;
        }
        Assessment assessment = assessment(entries, Instant.now());
        SigningIdentity signer = identity.get();
        work("Exporting the report", () -> {
            ReportFiles files = new ReportWriter("Vetbench", Optional.ofNullable(signer),
                Optional.empty()).write(assessment, pdf, Instant.now());
            return new Exported(files, render(files.pdf()));
        }, done -> {
            exported.set(done.files());
            pages.setAll(done.pages());
            status.set((signer == null ? "Exported an unsigned draft: " : "Exported the signed report: ")
                + done.files().pdf().getFileName() + " and " + done.files().json().getFileName() + ".");
        });
    }

    /** Verifies a report file (PDF, or JSON with its .p7s beside it). */
    public void verify(Path file) {
        work("Verifying " + file.getFileName(), () -> ReportVerifier.verify(file), result -> {
            verification.set(result);
            status.set(result.valid() ? file.getFileName() + " is signed and unchanged since signing."
                : file.getFileName() + " does not verify: " + result.firstProblem()
                    .map(step -> step.what() + " (" + step.detail() + ")").orElse("it carries no signature") + ".");
        });
    }

    Assessment assessment(List<Entry> entries, Instant now) {
        List<ImageVersion> versions = entries.stream()
            .map(entry -> new ImageVersion(entry.repository(), entry.tag(), entry.digest())).distinct().toList();
        Assessment assessment = Assessment.start(vendor.get().strip(), product.get().strip(),
            new Assessor(assessor.get().strip(), organisation.get().strip(), role.get().strip()),
            new Scope(dockerHost.get(), versions, List.of()), now);
        for (Entry entry : entries) {
            assessment = assessment.withResult(entry.repository() + ":" + entry.tag(), entry.result(), now);
        }
        for (Waiver waiver : waivers.get()) {
            assessment = assessment.withWaiver(waiver);
        }
        for (Note note : notes.get()) {
            assessment = assessment.withNote(note);
        }
        return assessment;
    }

    private static List<BufferedImage> render(Path pdf) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                images.add(renderer.renderImageWithDPI(page, PREVIEW_DPI));
            }
        }
        return images;
    }

    private <T> void work(String what, Callable<T> job, Consumer<T> done) {
        error.set(null);
        busy.set(true);
        status.set(what + " …");
        tasks.create(job).onSuccess(done).onError(e -> {
            if (e instanceof ReportException known) {
                LOG.info("{} failed: {}", what, known.getMessage());
                fail(ErrorReport.of(known.getMessage(), known.getCause()));
            } else {
                LOG.error("{} failed", what, e);
                fail(ErrorReport.of(what + " failed. Check the file and try again.", e));
            }
        }).andFinally(() -> busy.set(false)).start();
    }

    private void fail(ErrorReport report) {
        error.set(report);
        status.set("");
    }

    private record Exported(ReportFiles files, List<BufferedImage> pages) {
    }

    public StringProperty vendorProperty() {
        return vendor;
    }

    public StringProperty productProperty() {
        return product;
    }

    public StringProperty assessorProperty() {
        return assessor;
    }

    public StringProperty organisationProperty() {
        return organisation;
    }

    public StringProperty roleProperty() {
        return role;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<SigningIdentity> identityProperty() {
        return identity;
    }

    public ObjectProperty<ErrorReport> errorProperty() {
        return error;
    }

    public ObjectProperty<ReportFiles> exportedProperty() {
        return exported;
    }

    public ObjectProperty<Verification> verificationProperty() {
        return verification;
    }

    public ObservableList<BufferedImage> pages() {
        return pages;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}

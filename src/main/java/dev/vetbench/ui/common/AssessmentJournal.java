package dev.vetbench.ui.common;

import dev.vetbench.assessment.Assessment;
import dev.vetbench.assessment.AssessmentFileException;
import dev.vetbench.assessment.AssessmentFiles;
import dev.vetbench.assessment.Assessor;
import dev.vetbench.assessment.AutosavingAssessment;
import dev.vetbench.assessment.ImageVersion;
import dev.vetbench.assessment.Scope;
import dev.vetbench.assessment.Waiver;
import dev.vetbench.checks.CheckResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Autosaves the window's results to a {@code .vetbench} file as each check finishes (the assessment package writes
 * it atomically), so a crash loses at most the check that was running; at the next start the window offers to
 * restore it. Writes happen in order on one background thread, never on the FX thread.
 */
public final class AssessmentJournal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AssessmentJournal.class);

    private final Path file;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "vetbench-autosave");
        thread.setDaemon(true);
        return thread;
    });
    private AutosavingAssessment current;
    private volatile Consumer<Assessment> onChange = assessment -> { };

    public AssessmentJournal(Path file) {
        this.file = file;
    }

    /** {@code autosave.vetbench} beside the window settings. */
    public static AssessmentJournal besideSettings(UiSettingsStore settings) {
        return new AssessmentJournal(settings.file().resolveSibling("autosave.vetbench"));
    }

    public Path file() {
        return file;
    }

    /**
     * The unfinished assessment an earlier run left, if it holds anything the assessor would miss (a result, a note,
     * the vendor, product or assessor); a broken file counts as none.
     */
    public Optional<Assessment> leftOver() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Assessment found = AutosavingAssessment.open(file).current();
            return worthRestoring(found) ? Optional.of(found) : Optional.empty();
        } catch (AssessmentFileException e) {
            LOG.warn("Ignoring the autosaved assessment {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean worthRestoring(Assessment found) {
        return !found.results().isEmpty() || !found.notes().isEmpty() || !found.vendor().isBlank()
            || !found.product().isBlank() || !found.assessor().name().isBlank();
    }

    /** Goes on saving into the left-over assessment. */
    public synchronized void resume() throws AssessmentFileException {
        current = AutosavingAssessment.open(file);
    }

    /** Forgets the left-over assessment and starts afresh at the next result. */
    public synchronized void discard() {
        current = null;
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not remove the autosaved assessment {}: {}", file, e.getMessage());
        }
    }

    /** Queues one finished result for saving, adding its version to the scope. */
    public void record(String dockerHost, ImageVersion version, CheckResult result) {
        writer.execute(() -> {
            try {
                save(dockerHost, version, result);
                changed();
            } catch (AssessmentFileException | RuntimeException e) {
                LOG.error("Autosaving {} on {} to {} failed", result.checkId(), version.id(), file, e);
            }
        });
    }

    /** Queues a waiver for saving; it sits beside the verdict and never rewrites it. */
    public void waive(Waiver waiver) {
        writer.execute(() -> {
            try {
                synchronized (this) {
                    if (current != null) {
                        current.addWaiver(waiver);
                    }
                }
                changed();
            } catch (AssessmentFileException | RuntimeException e) {
                LOG.error("Autosaving the waiver on {} {} to {} failed", waiver.versionId(), waiver.checkId(), file, e);
            }
        });
    }

    private synchronized void save(String dockerHost, ImageVersion version, CheckResult result)
            throws AssessmentFileException {
        Instant now = Instant.now();
        ensureCurrent(dockerHost);
        Scope scope = current.current().scope();
        if (!scope.versions().contains(version)) {
            List<ImageVersion> versions = new ArrayList<>(scope.versions());
            versions.add(version);
            current.update(assessment -> assessment.withScope(new Scope(scope.dockerHost(), versions,
                scope.profiles()), now));
        }
        current.record(version.id(), result);
    }

    private void ensureCurrent(String dockerHost) throws AssessmentFileException {
        if (current == null) {
            createParent();
            current = AutosavingAssessment.create(file, Assessment.start("", "", new Assessor("", "", ""),
                new Scope(dockerHost, List.of(), List.of()), Instant.now()));
        } else if (current.current().scope().dockerHost().isEmpty() && !dockerHost.isEmpty()) {
            Scope scope = current.current().scope();
            current.update(assessment -> assessment.withScope(new Scope(dockerHost, scope.versions(),
                scope.profiles()), Instant.now()));
        }
    }

    private void createParent() {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            LOG.warn("Could not create {}: {}", file.getParent(), e.getMessage());
        }
    }

    /** Called on the autosave thread after each change the window made (results, waivers, notes, parties). */
    public void onChange(Consumer<Assessment> listener) {
        this.onChange = listener;
    }

    private void changed() {
        Assessment now = snapshot();
        if (now != null) {
            onChange.accept(now);
        }
    }

    private synchronized Assessment snapshot() {
        return current == null ? null : current.current();
    }

    /**
     * Saves a copy of the assessment, as it stands after every queued change, to a file of the assessor's choice.
     * Blocks until written; never call on the FX thread.
     */
    public Assessment saveCopy(Path target) throws AssessmentFileException {
        return onWriter(() -> {
            Assessment copy;
            synchronized (this) {
                ensureCurrent("");
                copy = current.current();
            }
            AssessmentFiles.save(copy, target);
            return copy;
        });
    }

    /**
     * Replaces the autosaved assessment with one the assessor opened; later results go on from it. Blocks until
     * written; never call on the FX thread.
     */
    public void replaceWith(Assessment opened) throws AssessmentFileException {
        onWriter(() -> {
            synchronized (this) {
                createParent();
                current = AutosavingAssessment.create(file, opened);
            }
            return null;
        });
    }

    /** Queues a change of the whole assessment (notes, vendor, product, assessor) for saving. */
    public void change(UnaryOperator<Assessment> change) {
        writer.execute(() -> {
            try {
                synchronized (this) {
                    ensureCurrent("");
                    current.update(change);
                }
                changed();
            } catch (AssessmentFileException | RuntimeException e) {
                LOG.error("Autosaving a change to {} failed", file, e);
            }
        });
    }

    private <T> T onWriter(Callable<T> work) throws AssessmentFileException {
        try {
            return writer.submit(work).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssessmentFileException failure) {
                throw failure;
            }
            throw new AssessmentFileException("The assessment could not be written; this is a bug.", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssessmentFileException("Saving the assessment was interrupted; save it again.", e);
        }
    }

    /** Finishes the queued writes and stops (at shutdown, and in tests). */
    @Override
    public void close() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(10, TimeUnit.SECONDS);
    }
}

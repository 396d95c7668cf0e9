package dev.vetbench.ui.common;

import dev.vetbench.assessment.Assessment;
import dev.vetbench.assessment.AssessmentFileException;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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

    /** The unfinished assessment an earlier run left, if it holds any result; a broken file counts as none. */
    public Optional<Assessment> leftOver() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Assessment found = AutosavingAssessment.open(file).current();
            return found.results().isEmpty() ? Optional.empty() : Optional.of(found);
        } catch (AssessmentFileException e) {
            LOG.warn("Ignoring the autosaved assessment {}: {}", file, e.getMessage());
            return Optional.empty();
        }
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
            } catch (AssessmentFileException | RuntimeException e) {
                LOG.error("Autosaving the waiver on {} {} to {} failed", waiver.versionId(), waiver.checkId(), file, e);
            }
        });
    }

    private synchronized void save(String dockerHost, ImageVersion version, CheckResult result)
            throws AssessmentFileException {
        Instant now = Instant.now();
        if (current == null) {
            createParent();
            current = AutosavingAssessment.create(file, Assessment.start("", "", new Assessor("", "", ""),
                new Scope(dockerHost, List.of(version), List.of()), now));
        }
        Scope scope = current.current().scope();
        if (!scope.versions().contains(version)) {
            List<ImageVersion> versions = new ArrayList<>(scope.versions());
            versions.add(version);
            current.update(assessment -> assessment.withScope(new Scope(scope.dockerHost(), versions,
                scope.profiles()), now));
        }
        current.record(version.id(), result);
    }

    private void createParent() {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            LOG.warn("Could not create {}: {}", file.getParent(), e.getMessage());
        }
    }

    /** Finishes the queued writes and stops (at shutdown, and in tests). */
    @Override
    public void close() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(10, TimeUnit.SECONDS);
    }
}

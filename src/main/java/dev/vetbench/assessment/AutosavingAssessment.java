package dev.vetbench.assessment;

import dev.vetbench.checks.CheckResult;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * An assessment that saves itself to its {@code .vetbench} file after every change, so a crash loses at most the
 * check that was running. Thread-safe: checks finishing on several threads record their results one at a time.
 */
public final class AutosavingAssessment {

    private final Path file;
    private final Clock clock;
    private final List<Consumer<Assessment>> listeners = new CopyOnWriteArrayList<>();
    private Assessment current;

    private AutosavingAssessment(Path file, Assessment current, Clock clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.current = Objects.requireNonNull(current, "current");
        this.clock = clock;
    }

    /** Starts autosaving a new assessment; the file is written at once. */
    public static AutosavingAssessment create(Path file, Assessment assessment) throws AssessmentFileException {
        AssessmentFiles.save(assessment, file);
        return new AutosavingAssessment(file, assessment, Clock.systemUTC());
    }

    /**
     * Reopens an assessment file (for example after a crash) and goes on saving to it. Temporary files that a killed
     * save left beside it are removed: this object is now the file's only writer.
     */
    public static AutosavingAssessment open(Path file) throws AssessmentFileException {
        AutosavingAssessment live = new AutosavingAssessment(file, AssessmentFiles.open(file), Clock.systemUTC());
        AssessmentFiles.removeStaleTemporaries(file);
        return live;
    }

    /** The file this assessment is saved to. */
    public Path file() {
        return file;
    }

    /** The assessment as last saved. */
    public synchronized Assessment current() {
        return current;
    }

    /**
     * Applies a change and saves it. When saving fails the change is not kept and the exception says why, so what
     * callers see is always what is on disk.
     */
    public Assessment update(UnaryOperator<Assessment> change) throws AssessmentFileException {
        Assessment changed;
        synchronized (this) {
            changed = change.apply(current);
            AssessmentFiles.save(changed, file);
            current = changed;
        }
        listeners.forEach(listener -> listener.accept(changed));
        return changed;
    }

    /** Records a check result for a version and saves. */
    public Assessment record(String versionId, CheckResult result) throws AssessmentFileException {
        return update(assessment -> assessment.withResult(versionId, result, clock.instant()));
    }

    /** Adds a note and saves. */
    public Assessment addNote(Note note) throws AssessmentFileException {
        return update(assessment -> assessment.withNote(note));
    }

    /** Adds a waiver and saves. */
    public Assessment addWaiver(Waiver waiver) throws AssessmentFileException {
        return update(assessment -> assessment.withWaiver(waiver));
    }

    /** Calls the listener, on the saving thread, after each saved change. */
    public void addListener(Consumer<Assessment> listener) {
        listeners.add(listener);
    }
}

package dev.vetbench.ui.common;

import dev.vetbench.assessment.Assessment;
import dev.vetbench.assessment.AssessmentFileException;
import dev.vetbench.assessment.AssessmentFiles;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assessment as a document the assessor names: Save as, Save and Open on top of the autosave journal, the file
 * it was last saved to or opened from, and whether it changed since. Files are read and written off the FX thread;
 * a file that cannot be opened leaves the current assessment as it was. Usable without the FX toolkit.
 */
public final class AssessmentDocument {

    private static final Logger LOG = LoggerFactory.getLogger(AssessmentDocument.class);

    private final AssessmentJournal journal;
    private final BackgroundTasks tasks;
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper modified = new ReadOnlyBooleanWrapper();
    private final StringBinding title;

    public AssessmentDocument(AssessmentJournal journal, BackgroundTasks tasks) {
        this.journal = journal;
        this.tasks = tasks;
        journal.onChange(assessment -> tasks.publish(() -> modified.set(true)));
        title = Bindings.createStringBinding(this::titleText, file, modified);
    }

    private String titleText() {
        if (file.get() == null) {
            return modified.get() ? "Untitled assessment* \u2014 Vetbench" : "Vetbench";
        }
        return file.get().getFileName() + (modified.get() ? "*" : "") + " \u2014 Vetbench";
    }

    /** Saves to the file the assessment was last saved to or opened from; false when it has none yet. */
    public boolean save(Consumer<String> onError) {
        if (file.get() == null) {
            return false;
        }
        saveAs(file.get(), onError);
        return true;
    }

    /** Saves to {@code target} (adding {@code .vetbench} when it has no such ending) and names the document so. */
    public void saveAs(Path target, Consumer<String> onError) {
        saveAs(target, onError, () -> { });
    }

    /** As {@link #saveAs(Path, Consumer)}, then runs {@code onSaved} on the FX thread once the file is written. */
    public void saveAs(Path target, Consumer<String> onError, Runnable onSaved) {
        Path named = withExtension(target);
        tasks.create(() -> journal.saveCopy(named))
            .onSuccess(saved -> {
                file.set(named);
                modified.set(false);
                LOG.info("Saved the assessment to {}", named);
                onSaved.run();
            })
            .onError(e -> onError.accept(sentence(e, "The assessment could not be saved to " + named
                + "; check that the folder is writable.")))
            .start();
    }

    /**
     * Opens an assessment file; on success it replaces the current assessment and is handed to {@code onOpened},
     * else {@code onError} gets one sentence and nothing changes.
     */
    public void open(Path source, Consumer<Assessment> onOpened, Consumer<String> onError) {
        tasks.create(() -> {
            Assessment opened = AssessmentFiles.open(source);
            journal.replaceWith(opened);
            return opened;
        }).onSuccess(opened -> {
            file.set(source);
            modified.set(false);
            onOpened.accept(opened);
        }).onError(e -> onError.accept(sentence(e, "The assessment file " + source + " could not be opened.")))
            .start();
    }

    private static String sentence(Throwable e, String fallback) {
        return e instanceof AssessmentFileException ? e.getMessage() : fallback;
    }

    static Path withExtension(Path target) {
        String name = target.getFileName().toString();
        return name.endsWith(AssessmentFiles.EXTENSION) ? target
            : target.resolveSibling(name + AssessmentFiles.EXTENSION);
    }

    /** The file last saved to or opened from, or null while the assessment has no name. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file;
    }

    /** Whether anything changed since the last Save or Open. */
    public ReadOnlyBooleanProperty modifiedProperty() {
        return modified.getReadOnlyProperty();
    }

    /** The window title: the file name with a {@code *} when modified, then "Vetbench". */
    public StringBinding title() {
        return title;
    }
}

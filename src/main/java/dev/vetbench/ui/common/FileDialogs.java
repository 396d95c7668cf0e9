package dev.vetbench.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks the user for a file; the window uses the platform's dialogs, tests answer with a file of their own. */
public interface FileDialogs {

    /** A file to write, or empty when the user cancelled. */
    Optional<Path> save(Window owner, String title, String suggestedName);

    /** An existing file to read, or empty when the user cancelled. */
    Optional<Path> open(Window owner, String title, FileChooser.ExtensionFilter... filters);

    /** The platform's file dialogs. */
    static FileDialogs platform() {
        return new FileDialogs() {
            @Override
            public Optional<Path> save(Window owner, String title, String suggestedName) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.setInitialFileName(suggestedName);
                return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> open(Window owner, String title, FileChooser.ExtensionFilter... filters) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.getExtensionFilters().addAll(filters);
                return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
            }
        };
    }
}

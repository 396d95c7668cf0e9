package dev.vetbench.ui.common;

import java.nio.file.Path;
import javafx.util.StringConverter;

/** Binds a text field to a path: empty text means no path. */
public final class PathConverter extends StringConverter<Path> {

    @Override
    public String toString(Path path) {
        return path == null ? "" : path.toString();
    }

    @Override
    public Path fromString(String text) {
        return text == null || text.isBlank() ? null : Path.of(text.strip());
    }
}

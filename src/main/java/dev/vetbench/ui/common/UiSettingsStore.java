package dev.vetbench.ui.common;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link UiSettings} in a small JSON file, {@code ~/.config/vetbench/ui.json} by default. A missing or
 * broken file gives the defaults: a preference is never worth refusing to start over.
 */
public final class UiSettingsStore {

    private static final Logger LOG = LoggerFactory.getLogger(UiSettingsStore.class);

    private final Path file;
    private final ObjectMapper json = new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public UiSettingsStore(Path file) {
        this.file = file;
    }

    /** The file under {@code vetbench.config.dir}, else {@code $XDG_CONFIG_HOME/vetbench}, else ~/.config. */
    public static UiSettingsStore inUserConfig() {
        String override = System.getProperty("vetbench.config.dir");
        if (override != null && !override.isBlank()) {
            return new UiSettingsStore(Path.of(override, "ui.json"));
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".config");
        return new UiSettingsStore(base.resolve("vetbench").resolve("ui.json"));
    }

    public Path file() {
        return file;
    }

    public UiSettings load() {
        if (!Files.isRegularFile(file)) {
            return UiSettings.defaults();
        }
        try {
            return json.readValue(file.toFile(), UiSettings.class);
        } catch (IOException e) {
            LOG.warn("Ignoring unreadable window settings in {}: {}", file, e.getMessage());
            return UiSettings.defaults();
        }
    }

    /** Writes atomically (temporary file, then rename), so a crash never leaves half a file. */
    public void save(UiSettings settings) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            json.writeValue(temporary.toFile(), settings);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Could not save window settings to {}: {}", file, e.getMessage());
        }
    }
}

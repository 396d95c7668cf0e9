package dev.vetbench.ui;

import dev.vetbench.ui.checks.CheckEngine;
import dev.vetbench.ui.checks.VersionProfiles;
import dev.vetbench.ui.common.UiSettingsStore;
import dev.vetbench.ui.host.EngineConnector;
import dev.vetbench.ui.host.HostSpec;
import dev.vetbench.ui.versions.ImageCatalog;
import java.util.Objects;
import java.util.function.Function;

/**
 * The engine services the window sits on, handed over by the application wiring in {@code dev.vetbench.app}.
 *
 * @param engines connects to Docker engines
 * @param catalogs the image versions of a connected host
 * @param checks runs checks on image versions, or null while this build has no check engine wired in
 * @param settings where the window keeps its settings
 * @param profiles each version's target profile for the Checks screen's editor, or null for no editor
 */
public record WorkbenchServices(EngineConnector engines, Function<HostSpec, ImageCatalog> catalogs,
        CheckEngine checks, UiSettingsStore settings, VersionProfiles profiles) {

    /** Services without a profile editor. */
    public WorkbenchServices(EngineConnector engines, Function<HostSpec, ImageCatalog> catalogs,
            CheckEngine checks, UiSettingsStore settings) {
        this(engines, catalogs, checks, settings, null);
    }

    public WorkbenchServices {
        Objects.requireNonNull(engines, "engines");
        Objects.requireNonNull(catalogs, "catalogs");
        Objects.requireNonNull(settings, "settings");
    }
}

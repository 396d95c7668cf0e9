package dev.vetbench.ui;

import dev.vetbench.ui.common.UiSettingsStore;
import dev.vetbench.ui.host.EngineConnector;
import java.util.Objects;

/**
 * The engine services the window sits on, handed over by the application wiring in {@code dev.vetbench.app}.
 *
 * @param engines connects to Docker engines
 * @param settings where the window keeps its settings
 */
public record WorkbenchServices(EngineConnector engines, UiSettingsStore settings) {

    public WorkbenchServices {
        Objects.requireNonNull(engines, "engines");
        Objects.requireNonNull(settings, "settings");
    }
}

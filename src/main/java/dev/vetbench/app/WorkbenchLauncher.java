package dev.vetbench.app;

import dev.vetbench.checks.CheckRegistry;
import dev.vetbench.ui.WorkbenchApplication;
import dev.vetbench.ui.WorkbenchServices;
import dev.vetbench.ui.common.UiSettingsStore;
import javafx.application.Application;

/** Opens the workbench window over the engine services. */
final class WorkbenchLauncher {

    private WorkbenchLauncher() {
    }

    static void launch(String[] args) {
        WorkbenchApplication.useServices(services());
        Application.launch(WorkbenchApplication.class, args);
    }

    /** The services the window uses, wired to the engine packages. */
    static WorkbenchServices services() {
        return services(UiSettingsStore.inUserConfig());
    }

    static WorkbenchServices services(UiSettingsStore settings) {
        DockerEngineConnector engines = new DockerEngineConnector();
        VersionProfileBook profiles = new VersionProfileBook(VersionProfileBook.userProfiles(), engines);
        return new WorkbenchServices(engines, host -> new DockerImageCatalog(engines),
            new TargetCheckEngine(engines, CheckRegistry.standard(), profiles), settings, profiles);
    }
}

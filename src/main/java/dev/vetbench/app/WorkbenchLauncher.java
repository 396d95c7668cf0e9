package dev.vetbench.app;

import dev.vetbench.ui.WorkbenchApplication;
import javafx.application.Application;

/** Opens the workbench window. */
final class WorkbenchLauncher {

    private WorkbenchLauncher() {
    }

    static void launch(String[] args) {
        Application.launch(WorkbenchApplication.class, args);
    }
}

package dev.vetbench.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The workbench window. */
public final class WorkbenchApplication extends Application {

    @Override
    public void start(Stage stage) {
        stage.setTitle("Vetbench");
        stage.setScene(new Scene(new Label("Vetbench"), 1100, 720));
        stage.show();
    }
}

package dev.vetbench.ui.common;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/** One step of the assessment as the window shows it. */
public interface WorkbenchScreen {

    Node view();

    /** What Ctrl+R does on this screen (connect, run checks, export...). */
    default void run() {
    }

    /** Called each time the screen comes to the front. */
    default void shown() {
    }

    /** What Esc does on this screen: cancel the running work. */
    default void cancel() {
    }

    /** Whether {@link #run()} can do anything right now. */
    ObservableBooleanValue runnable();
}

package dev.vetbench.ui.checks;

import dev.vetbench.ui.common.EmptyState;
import dev.vetbench.ui.common.WorkbenchScreen;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import org.kordamp.ikonli.material2.Material2AL;

/** The Checks screen: a matrix of image versions against checks, run live. */
public final class ChecksView implements WorkbenchScreen {

    private final EmptyState empty = new EmptyState(Material2AL.FACT_CHECK);

    public ChecksView() {
        empty.show("No versions picked yet",
            "Pick image versions on the Versions screen (Ctrl+2); the matrix of "
            + "versions × checks appears here, ready to run.");
    }

    @Override
    public Node view() {
        return empty;
    }

    @Override
    public ObservableBooleanValue runnable() {
        return new ReadOnlyBooleanWrapper(false);
    }
}

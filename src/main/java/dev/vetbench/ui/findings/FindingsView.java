package dev.vetbench.ui.findings;

import dev.vetbench.ui.common.EmptyState;
import dev.vetbench.ui.common.WorkbenchScreen;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import org.kordamp.ikonli.material2.Material2AL;

/** The Findings screen: each result's evidence, notes and waivers, and what changed between versions. */
public final class FindingsView implements WorkbenchScreen {

    private final EmptyState empty = new EmptyState(Material2AL.FLAG);

    public FindingsView() {
        empty.show("No results yet",
            "Run checks on the Checks screen (Ctrl+3); each result's evidence, "
            + "notes and waivers appear here.");
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

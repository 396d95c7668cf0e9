package dev.vetbench.ui.report;

import dev.vetbench.ui.common.EmptyState;
import dev.vetbench.ui.common.WorkbenchScreen;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import org.kordamp.ikonli.material2.Material2AL;

/** The Report screen: who assessed what, the signing identity, preview and export. */
public final class ReportView implements WorkbenchScreen {

    private final EmptyState empty = new EmptyState(Material2AL.DESCRIPTION);

    public ReportView() {
        empty.show("Nothing to report yet",
            "Once checks have run, enter the vendor, product and assessor here, "
            + "choose a signing identity, and export the signed PDF and JSON.");
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

package dev.vetbench.ui.versions;

import dev.vetbench.ui.common.EmptyState;
import dev.vetbench.ui.common.WorkbenchScreen;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import org.kordamp.ikonli.material2.Material2AL;

/** The Versions screen: repositories and tags from the host and from registries. */
public final class VersionsView implements WorkbenchScreen {

    private final EmptyState empty = new EmptyState(Material2AL.LAYERS);

    public VersionsView(ObservableBooleanValue connected) {
        connected.addListener((obs, old, now) -> update(now));
        update(connected.get());
    }

    private void update(boolean connected) {
        if (connected) {
            // Limitation: listing repositories and tags comes from the docker package (issue 2), which has
            // not landed on this branch; the screen says so instead of showing made-up versions.
            empty.show("Image versions", "Listing repositories and tags from the engine and from registries "
                + "is not available in this build yet.");
        } else {
            empty.show("No Docker engine yet", "Connect to a Docker engine on the Host screen (Ctrl+1); "
                + "its repositories and tags appear here.");
        }
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

package dev.vetbench.ui.checks;

import dev.vetbench.checks.CheckResult;
import dev.vetbench.ui.versions.VersionRow;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What the Checks screen needs from the engine: the registered checks, and running one check on one image version
 * (starting the target from its profile, running the check, removing the target). The application wiring
 * implements it over the {@code docker} and {@code checks} packages.
 */
public interface CheckEngine {

    /** The checks of the registry, in registry order. */
    List<CheckInfo> checks();

    /**
     * Runs one check on one version. Blocks; never runs on the FX thread. A check that could not run returns an
     * ERROR verdict with its reason rather than throwing.
     *
     * @param log receives progress lines for the live log, from the worker thread
     * @param cancelled polled by the engine; the worker thread is also interrupted on cancel
     */
    CheckResult run(String checkId, VersionRow version, Consumer<String> log, BooleanSupplier cancelled);
}

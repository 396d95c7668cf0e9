package dev.vetbench.ui.versions;

import java.util.List;
import java.util.function.Consumer;

/**
 * What the Versions screen needs from the engine layer for one connected host. Calls block; the screen runs
 * them off the FX thread.
 */
public interface ImageCatalog {

    /** The image versions the engine has. */
    List<VersionRow> hostVersions() throws CatalogException;

    /** The tags of one repository in a registry ({@code host[:port]}), as the registry HTTP API lists them. */
    List<VersionRow> registryVersions(String registry, String repository) throws CatalogException;

    /**
     * Pulls one version onto the engine, reporting progress from 0 to 1 (or -1 when the engine does not say).
     *
     * @return the version as the engine now has it
     */
    VersionRow pull(VersionRow version, Consumer<Double> progress) throws CatalogException;

    /** A listing or pull failed; the message is one sentence for the user. */
    final class CatalogException extends Exception {
        private static final long serialVersionUID = 1L;

        public CatalogException(String sentence, Throwable cause) {
            super(sentence, cause);
        }
    }
}

package dev.vetbench.ui.versions;

import dev.vetbench.checks.CancellationToken;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the Versions screen needs from the engine layer for one connected host. Calls block; the screen runs
 * them off the FX thread.
 */
public interface ImageCatalog {

    /** The image versions the engine has. */
    List<VersionRow> hostVersions() throws CatalogException;

    /**
     * The tags of one repository in a registry ({@code host[:port]} or {@code https://host:port}), as the registry
     * HTTP API lists them. A login given here is kept in memory for pulls from the same registry.
     *
     * @param access the login and CA certificate for the registry, or {@link RegistryAccess#anonymous()}
     */
    List<VersionRow> registryVersions(String registry, String repository, RegistryAccess access)
        throws CatalogException;

    /**
     * Pulls one version onto the engine, reporting progress from 0 to 1 (or -1 when the engine does not say).
     *
     * @param cancel cancelling it stops the engine's pull; the call then fails with {@link Problem#CANCELLED}
     * @return the version as the engine now has it
     */
    VersionRow pull(VersionRow version, Consumer<Double> progress, CancellationToken cancel) throws CatalogException;

    /** What kind of failure a {@link CatalogException} is, so the screen can react without reading the sentence. */
    enum Problem {
        FAILED,
        /** The registry wants a user name and password. */
        LOGIN_REQUIRED,
        /** The registry's certificate is not trusted: it needs its CA certificate. */
        UNTRUSTED_REGISTRY,
        /** The assessor cancelled. */
        CANCELLED
    }

    /** A listing or pull failed; the message is one sentence for the user. */
    final class CatalogException extends Exception {
        private static final long serialVersionUID = 1L;

        private final Problem problem;

        public CatalogException(String sentence, Throwable cause) {
            this(Problem.FAILED, sentence, cause);
        }

        public CatalogException(Problem problem, String sentence, Throwable cause) {
            super(sentence, cause);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }
}

package dev.vetbench.app;

import dev.vetbench.checks.CancellationToken;
import dev.vetbench.docker.DockerConnection;
import dev.vetbench.docker.DockerException;
import dev.vetbench.docker.ImageRef;
import dev.vetbench.docker.ImageVersion;
import dev.vetbench.docker.PullProgress;
import dev.vetbench.docker.RegistryClient;
import dev.vetbench.docker.RegistryCredentials;
import dev.vetbench.ui.versions.ImageCatalog;
import dev.vetbench.ui.versions.RegistryAccess;
import dev.vetbench.ui.versions.VersionRow;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The Versions screen's catalog over the {@code docker} package: the connected engine and registries. Registry logins
 * given for a listing stay in memory, for pulls from the same registry, until the window closes.
 */
final class DockerImageCatalog implements ImageCatalog {

    private final DockerEngineConnector engines;
    private final Map<String, RegistryCredentials> logins = new ConcurrentHashMap<>();

    DockerImageCatalog(DockerEngineConnector engines) {
        this.engines = engines;
    }

    @Override
    public List<VersionRow> hostVersions() throws CatalogException {
        try {
            return connection().images(null).stream().map(version -> row(version, true)).toList();
        } catch (DockerException e) {
            throw new CatalogException(e.getMessage(), e);
        }
    }

    @Override
    public List<VersionRow> registryVersions(String registry, String repository, RegistryAccess access)
            throws CatalogException {
        RegistryCredentials credentials = access.hasLogin()
            ? new RegistryCredentials(access.username(), access.password()) : null;
        try {
            RegistryClient client = RegistryClient.open(registry, credentials, access.caFile());
            List<VersionRow> rows = client.versions(repository).stream().map(version -> row(version, false)).toList();
            if (credentials != null) {
                logins.put(client.name(), credentials);
            }
            return rows;
        } catch (DockerException e) {
            throw listingFailed(registry, e);
        }
    }

    @Override
    public VersionRow pull(VersionRow version, Consumer<Double> progress, CancellationToken cancel)
            throws CatalogException {
        Map<String, long[]> layers = new ConcurrentHashMap<>();
        try {
            ImageRef image = ImageRef.parse(version.reference());
            ImageVersion pulled = connection().pull(image, logins.get(image.registry()),
                event -> progress.accept(fraction(layers, event)),
                dev.vetbench.docker.CancellationToken.following(cancel::onCancel));
            progress.accept(1.0);
            return row(pulled, true);
        } catch (DockerException e) {
            if (e.reason() == DockerException.Reason.CANCELLED) {
                throw new CatalogException(Problem.CANCELLED, "Pull of " + version.reference() + " cancelled.", e);
            }
            throw new CatalogException(e.getMessage(), e);
        }
    }

    // The registry client words its advice for the command line (--username, --ca-file); the screen has fields.
    private static CatalogException listingFailed(String registry, DockerException e) {
        String name = registry.strip().replaceFirst("^https?://", "").replaceFirst("/+$", "");
        return switch (e.reason()) {
            case LOGIN_REQUIRED -> new CatalogException(Problem.LOGIN_REQUIRED, "Registry " + name
                + " asks for a login; enter your user name and password for it and list again.", e);
            case TLS_FAILED -> new CatalogException(Problem.UNTRUSTED_REGISTRY, "Vetbench could not verify the "
                + "certificate of registry " + name + "; choose the registry's CA certificate file and list again.",
                e);
            default -> new CatalogException(e.getMessage(), e);
        };
    }

    // Each layer is downloaded, then extracted; both halves count, so the bar does not fall back when extraction
    // starts. -1 (indeterminate) until the engine has named a size.
    private static double fraction(Map<String, long[]> layers, PullProgress event) {
        if (!event.layerId().isEmpty() && event.total() > 0) {
            long[] layer = layers.computeIfAbsent(event.layerId(), id -> new long[3]);
            int half = event.status().startsWith("Extracting") ? 1 : 0;
            layer[half] = Math.min(Math.max(0, event.current()), event.total());
            layer[2] = Math.max(layer[2], event.total());
            if (half == 1) {
                layer[0] = layer[2]; // Extraction only starts once the download is complete.
            }
        }
        long done = layers.values().stream().mapToLong(layer -> layer[0] + layer[1]).sum();
        long total = layers.values().stream().mapToLong(layer -> 2 * layer[2]).sum();
        return total == 0 ? -1 : (double) done / total;
    }

    private DockerConnection connection() throws CatalogException {
        return engines.current().orElseThrow(() -> new CatalogException(
            "Vetbench is not connected to a Docker engine. Connect on the Host screen first.", null));
    }

    private static VersionRow row(ImageVersion version, boolean onHost) {
        return new VersionRow(version.repository(), version.tag(), version.digest(), version.sizeBytes(),
            version.created(), onHost);
    }
}

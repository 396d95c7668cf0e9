package dev.vetbench.app;

import dev.vetbench.docker.CancellationToken;
import dev.vetbench.docker.DockerConnection;
import dev.vetbench.docker.DockerException;
import dev.vetbench.docker.ImageRef;
import dev.vetbench.docker.ImageVersion;
import dev.vetbench.docker.PullProgress;
import dev.vetbench.docker.RegistryClient;
import dev.vetbench.ui.versions.ImageCatalog;
import dev.vetbench.ui.versions.VersionRow;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** The Versions screen's catalog over the {@code docker} package: the connected engine and registries. */
final class DockerImageCatalog implements ImageCatalog {

    private final DockerEngineConnector engines;

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
    public List<VersionRow> registryVersions(String registry, String repository) throws CatalogException {
        try {
            // Limitation: anonymous access and the Java default trust store only; registries that ask for a
            // login or a private CA need the CLI (vetbench images --registry) until the screen asks for them.
            return RegistryClient.open(registry, null, null).versions(repository).stream()
                .map(version -> row(version, false)).toList();
        } catch (DockerException e) {
            throw new CatalogException(e.getMessage(), e);
        }
    }

    @Override
    public VersionRow pull(VersionRow version, Consumer<Double> progress) throws CatalogException {
        Map<String, long[]> layers = new ConcurrentHashMap<>();
        // Limitation: the window cannot cancel a pull the engine has started; it runs to its end or its error.
        try {
            ImageVersion pulled = connection().pull(ImageRef.parse(version.reference()), null,
                event -> progress.accept(fraction(layers, event)), CancellationToken.none());
            progress.accept(1.0);
            return row(pulled, true);
        } catch (DockerException e) {
            throw new CatalogException(e.getMessage(), e);
        }
    }

    // Bytes done over bytes known, across layers; -1 (indeterminate) until the engine has named a size.
    private static double fraction(Map<String, long[]> layers, PullProgress event) {
        if (!event.layerId().isEmpty() && event.total() > 0) {
            layers.put(event.layerId(), new long[] {Math.max(0, event.current()), event.total()});
        }
        long done = layers.values().stream().mapToLong(layer -> Math.min(layer[0], layer[1])).sum();
        long total = layers.values().stream().mapToLong(layer -> layer[1]).sum();
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

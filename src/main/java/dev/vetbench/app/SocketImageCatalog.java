package dev.vetbench.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vetbench.ui.host.EngineUnavailableException;
import dev.vetbench.ui.host.HostSpec;
import dev.vetbench.ui.versions.ImageCatalog;
import dev.vetbench.ui.versions.VersionRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Lists the images of one engine through {@code GET /images/json}.
 *
 * <p>Limitation: the window's stand-in until the {@code docker} package (issue 2) lands: registry listing and pulls
 * need its registry client and pull with progress, so they say they are not available yet.
 */
final class SocketImageCatalog implements ImageCatalog {

    private final SocketEngineConnector engine;
    private final HostSpec host;

    SocketImageCatalog(SocketEngineConnector engine, HostSpec host) {
        this.engine = engine;
        this.host = host;
    }

    @Override
    public List<VersionRow> hostVersions() throws CatalogException {
        JsonNode images;
        try {
            images = engine.get(host, "/images/json");
        } catch (EngineUnavailableException e) {
            throw new CatalogException(e.getMessage(), e.getCause());
        }
        List<VersionRow> rows = new ArrayList<>();
        for (JsonNode image : images) {
            for (JsonNode repoTag : image.path("RepoTags")) {
                VersionRow row = row(image, repoTag.asText());
                if (row != null) {
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    // "<none>:<none>" marks an untagged image; "host:5000/repo:tag" has its tag after the last colon.
    private static VersionRow row(JsonNode image, String repoTag) {
        int colon = repoTag.lastIndexOf(':');
        if (colon <= 0 || repoTag.startsWith("<none>")) {
            return null;
        }
        String repository = repoTag.substring(0, colon);
        String digest = image.path("Id").asText("");
        for (JsonNode repoDigest : image.path("RepoDigests")) {
            String text = repoDigest.asText();
            if (text.startsWith(repository + "@")) {
                digest = text.substring(repository.length() + 1);
            }
        }
        long created = image.path("Created").asLong(0);
        return new VersionRow(repository, repoTag.substring(colon + 1), digest, image.path("Size").asLong(-1),
            created > 0 ? Instant.ofEpochSecond(created) : null, true);
    }

    @Override
    public List<VersionRow> registryVersions(String registry, String repository) throws CatalogException {
        throw new CatalogException("Listing tags from a registry is not available in this build yet; "
            + "push the versions to the engine or pull them with docker pull.", null);
    }

    @Override
    public VersionRow pull(VersionRow version, Consumer<Double> progress) throws CatalogException {
        throw new CatalogException("Pulling from the window is not available in this build yet; run docker pull "
            + version.reference() + " and refresh.", null);
    }
}

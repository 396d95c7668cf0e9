package dev.vetbench.app;

import dev.vetbench.docker.DockerConnection;
import dev.vetbench.docker.DockerException;
import dev.vetbench.docker.ImageDetails;
import dev.vetbench.docker.TargetProfile;
import dev.vetbench.docker.TargetProfiles;
import dev.vetbench.ui.checks.VersionProfiles;
import dev.vetbench.ui.versions.VersionRow;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Each version's profile for the window: the one saved for it ({@code version-REFERENCE.json} in the profile
 * folder), else the built-in profile chosen from the image.
 */
final class VersionProfileBook implements VersionProfiles {

    private final TargetProfiles saved;
    private final DockerEngineConnector engines;

    VersionProfileBook(TargetProfiles saved, DockerEngineConnector engines) {
        this.saved = saved;
        this.engines = engines;
    }

    /** The profile folder under {@code vetbench.config.dir} when set (tests, demos), else the user's. */
    static TargetProfiles userProfiles() {
        String override = System.getProperty("vetbench.config.dir");
        return override == null || override.isBlank() ? TargetProfiles.inDefaultDirectory()
            : new TargetProfiles(Path.of(override, "profiles"));
    }

    @Override
    public TargetProfile profileFor(VersionRow version) {
        Optional<TargetProfile> own = savedFor(version);
        if (own.isPresent()) {
            return own.get();
        }
        DockerConnection connection = engines.current().orElseThrow(() -> new DockerException(
            DockerException.Reason.UNREACHABLE, "Vetbench is not connected to a Docker engine; connect on the "
                + "Host screen first.", null));
        return builtInFor(connection.inspectImage(version.reference()));
    }

    /** The profile the assessor saved for this version, if any. */
    Optional<TargetProfile> savedFor(VersionRow version) {
        String name = VersionProfiles.savedName(version);
        return saved.names().contains(name) ? saved.find(name) : Optional.empty();
    }

    @Override
    public void save(VersionRow version, TargetProfile profile) {
        saved.save(profile.withName(VersionProfiles.savedName(version)));
    }

    // A PostgreSQL port means the database profile, anything else the nginx front end.
    static TargetProfile builtInFor(ImageDetails image) {
        boolean database = image.exposedPorts().stream().anyMatch(port -> port.startsWith("5432"));
        return TargetProfiles.builtIn(database ? "postgres-database" : "nginx-tls-frontend");
    }
}

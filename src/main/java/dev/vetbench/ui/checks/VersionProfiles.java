package dev.vetbench.ui.checks;

import dev.vetbench.docker.TargetProfile;
import dev.vetbench.ui.versions.VersionRow;

/**
 * The target profile each image version starts with: the one the assessor saved for it, else the built-in profile
 * chosen from the image. The application wiring implements it over {@code TargetProfiles}.
 */
public interface VersionProfiles {

    /** The profile the next run of this version's cells uses. May ask the engine; never call on the FX thread. */
    TargetProfile profileFor(VersionRow version);

    /** Saves the profile for this version; the next run of its cells starts with it. */
    void save(VersionRow version, TargetProfile profile);

    /** The name a version's own profile is saved under, e.g. {@code version-vetbench_frontend_1.4.2}. */
    static String savedName(VersionRow version) {
        return "version-" + version.reference().replaceAll("[^A-Za-z0-9._-]", "_");
    }
}

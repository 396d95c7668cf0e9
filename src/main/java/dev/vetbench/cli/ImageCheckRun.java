package dev.vetbench.cli;

import dev.vetbench.checks.CancellationToken;
import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.CheckRunner;
import dev.vetbench.checks.ImageCheck;
import dev.vetbench.checks.ImageTarget;
import dev.vetbench.checks.ProgressListener;
import dev.vetbench.docker.DockerConnection;
import dev.vetbench.docker.DockerException;
import dev.vetbench.docker.TargetProfile;
import dev.vetbench.docker.TargetProfiles;
import dev.vetbench.docker.VolumeSpec;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code vetbench check proxy-protocol|volume-encryption --image REPO:TAG --profile NAME [--volume SPEC]}: starts
 * the image through the check, which removes its containers again, and reports the one result.
 */
final class ImageCheckRun {

    private ImageCheckRun() {
    }

    /**
     * Runs the check; the whole run may take the profile's start-up deadline plus {@code timeout}.
     *
     * @return the result, or empty when the command line or the Docker host made it impossible (already said)
     */
    static Optional<CheckResult> run(CommandSpec spec, VetbenchCommand root, ImageCheck check, String image,
            String profileName, List<String> volumeSpecs, Duration timeout) {
        PrintWriter err = spec.commandLine().getErr();
        if (image == null || profileName == null) {
            err.println("vetbench: the " + check.id() + " check starts its own container: give --image REPO:TAG and "
                + "--profile NAME (not HOST:PORT).");
            return Optional.empty();
        }
        TargetProfiles profiles = TargetProfiles.inDefaultDirectory();
        Optional<TargetProfile> profile;
        List<VolumeSpec> volumes = new ArrayList<>();
        try {
            profile = profiles.find(profileName);
            volumeSpecs.forEach(text -> volumes.add(VolumeSpec.parse(text)));
        } catch (DockerException e) {
            DockerCommandSupport.fail(spec, e);
            return Optional.empty();
        }
        if (profile.isEmpty()) {
            err.println("vetbench: there is no profile called '" + profileName + "'; choose one of "
                + String.join(", ", profiles.names()) + ".");
            return Optional.empty();
        }
        return run(spec, root, check, image, profile.get(), volumes, timeout);
    }

    private static Optional<CheckResult> run(CommandSpec spec, VetbenchCommand root, ImageCheck check, String image,
            TargetProfile profile, List<VolumeSpec> volumes, Duration timeout) {
        try (DockerConnection docker = DockerCommandSupport.connect(root)) {
            ImageTarget target = new ImageTarget(docker, image, profile, volumes);
            CheckRunner runner = new CheckRunner(1, profile.deadline().plus(timeout));
            return Optional.of(runner.runOne(check.boundTo(target), target.asCheckTarget(), ProgressListener.NONE,
                new CancellationToken()));
        } catch (DockerException e) {
            DockerCommandSupport.fail(spec, e);
            return Optional.empty();
        }
    }
}

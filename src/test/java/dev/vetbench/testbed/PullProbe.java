package dev.vetbench.testbed;

import dev.vetbench.docker.DockerException;
import dev.vetbench.docker.RegistryClient;
import dev.vetbench.ui.versions.VersionRow;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An image whose one large layer of random bytes only the open registry holds, so that pulling it makes the engine
 * really download. The fixture images cannot serve: every layer of {@code medivendor/records-db:3.1.0} is on the
 * host under its other tags, so the engine finishes their pull in milliseconds without fetching anything.
 */
public final class PullProbe {

    /** Where the probe lives in the open registry. */
    public static final String REPOSITORY = TestBed.REGISTRY + "/vetbench-test/pull-cancel-probe";
    public static final String TAG = "1";
    /** Generously more than a full pull of the probe takes on the build machine (about 2.5 s). */
    public static final long FULL_PULL_MILLIS = 6_000;

    private static final int LAYER_MEGABYTES = 192;

    private PullProbe() {
    }

    /** Pushes the probe the first time (once per registry), then makes sure the engine does not have it. */
    public static VersionRow onlyInRegistry() throws Exception {
        if (!inRegistry()) {
            push();
        }
        docker(false, "rmi", "-f", reference());
        return new VersionRow(REPOSITORY, TAG, "", -1, null, false);
    }

    /** Whether the engine has the probe image (tagged). */
    public static boolean onHost() throws Exception {
        return docker(false, "image", "inspect", reference()) == 0;
    }

    public static String reference() {
        return REPOSITORY + ":" + TAG;
    }

    private static boolean inRegistry() {
        try {
            String repository = REPOSITORY.substring(TestBed.REGISTRY.length() + 1);
            return RegistryClient.open(TestBed.REGISTRY, null, null).tags(repository).contains(TAG);
        } catch (DockerException e) {
            return false;
        }
    }

    private static void push() throws Exception {
        Path work = Files.createTempDirectory("vetbench-pull-probe");
        try {
            Path root = Files.createDirectories(work.resolve("root"));
            SplittableRandom random = new SplittableRandom();
            byte[] chunk = new byte[1 << 20];
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(root.resolve("noise.bin")))) {
                for (int i = 0; i < LAYER_MEGABYTES; i++) {
                    for (int j = 0; j < chunk.length; j += 8) {
                        long value = random.nextLong();
                        for (int k = 0; k < 8; k++) {
                            chunk[j + k] = (byte) (value >>> (8 * k));
                        }
                    }
                    out.write(chunk);
                }
            }
            Path tar = work.resolve("layer.tar");
            run(true, List.of("tar", "-C", root.toString(), "-cf", tar.toString(), "."));
            docker(true, "import", tar.toString(), reference());
            docker(true, "push", reference());
            docker(true, "rmi", reference());
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static int docker(boolean mustWork, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(arguments));
        return run(mustWork, command);
    }

    private static int run(boolean mustWork, List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in 300 s");
        }
        if (mustWork && process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return process.exitValue();
    }
}

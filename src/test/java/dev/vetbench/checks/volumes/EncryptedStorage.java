package dev.vetbench.checks.volumes;

import dev.vetbench.testbed.TestBed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Real encrypted storage made by a test, as root: an ext4 loop file with an fscrypt-encrypted directory, and a
 * gocryptfs mount. Both are taken down again by {@link #close()}.
 */
final class EncryptedStorage implements AutoCloseable {

    private final Path workspace;
    private final List<List<String>> teardown = new ArrayList<>();

    private EncryptedStorage(Path workspace) {
        this.workspace = workspace;
    }

    /** Fails in CI and skips elsewhere when the test does not run as root with the tools installed. */
    static void requireRoot() {
        String problem = null;
        if (!"root".equals(System.getProperty("user.name"))) {
            problem = "making loop filesystems and FUSE mounts needs root";
        } else if (!Files.isExecutable(Path.of("/usr/bin/fscrypt"))
            || !Files.isExecutable(Path.of("/usr/bin/gocryptfs"))
            || !Files.isExecutable(Path.of("/usr/bin/fusermount3"))) {
            problem = "fscrypt, gocryptfs and fuse3 must be installed (apt-get install fscrypt gocryptfs fuse3)";
        }
        if (problem != null && TestBed.inCi()) {
            Assertions.fail(problem);
        }
        Assumptions.assumeTrue(problem == null, problem);
    }

    static EncryptedStorage create() throws IOException {
        return new EncryptedStorage(Files.createTempDirectory("vetbench-storage-"));
    }

    /**
     * An ext4 filesystem with the encrypt feature on a loop file, and a directory in it encrypted with fscrypt and a
     * random raw key; returns that directory.
     */
    Path fscryptDirectory() throws IOException {
        Path image = workspace.resolve("ext4.img");
        Path mountPoint = Files.createDirectories(workspace.resolve("ext4"));
        Path key = workspace.resolve("raw.key");
        byte[] keyBytes = new byte[32];
        new SecureRandom().nextBytes(keyBytes);
        Files.write(key, keyBytes);

        run("truncate", "-s", "64M", image.toString());
        run("mkfs.ext4", "-q", "-O", "encrypt", image.toString());
        run("mount", "-o", "loop", image.toString(), mountPoint.toString());
        teardown.add(0, List.of("umount", mountPoint.toString()));
        if (!Files.exists(Path.of("/etc/fscrypt.conf"))) {
            run("fscrypt", "setup", "--quiet", "--force");
        }
        run("fscrypt", "setup", "--quiet", mountPoint.toString());
        Path data = Files.createDirectories(mountPoint.resolve("records"));
        run("fscrypt", "encrypt", "--quiet", "--source=raw_key", "--name=vetbench-test", "--key=" + key,
            data.toString());
        return data;
    }

    /** A gocryptfs filesystem mounted with -allow_other (so the Docker daemon can bind it); returns the mount. */
    Path gocryptfsMount() throws IOException {
        Path cipher = Files.createDirectories(workspace.resolve("gocryptfs-cipher"));
        Path plain = Files.createDirectories(workspace.resolve("gocryptfs-plain"));
        Path password = workspace.resolve("gocryptfs.pass");
        Files.writeString(password, "vetbench-test-" + System.nanoTime(), StandardCharsets.US_ASCII);

        run("gocryptfs", "-init", "-q", "-passfile", password.toString(), cipher.toString());
        run("gocryptfs", "-q", "-allow_other", "-passfile", password.toString(), cipher.toString(),
            plain.toString());
        teardown.add(0, List.of("fusermount3", "-u", plain.toString()));
        return plain;
    }

    /** A plain directory on the build machine's own disk. */
    Path plainDirectory() throws IOException {
        return Files.createDirectories(workspace.resolve("plain"));
    }

    @Override
    public void close() throws IOException {
        for (List<String> command : teardown) {
            run(command.toArray(String[]::new));
        }
        run("rm", "-rf", workspace.toString());
    }

    private static void run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}

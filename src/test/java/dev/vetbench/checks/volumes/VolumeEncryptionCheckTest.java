package dev.vetbench.checks.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.checks.CheckContext;
import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.EngineLeftovers;
import dev.vetbench.checks.ErrorReason;
import dev.vetbench.checks.ImageTarget;
import dev.vetbench.checks.Verdict;
import dev.vetbench.docker.DockerConnection;
import dev.vetbench.docker.Readiness;
import dev.vetbench.docker.TargetProfile;
import dev.vetbench.docker.TargetProfiles;
import dev.vetbench.docker.VolumeSpec;
import dev.vetbench.testbed.TestBed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Encryption at rest against the real database fixture versions and real storage. */
class VolumeEncryptionCheckTest {

    private static final Pattern VOLUME_MOUNT = Pattern.compile("^mount /var/db: volume (\\S+) from ");

    private static DockerConnection docker;

    @BeforeAll
    static void connect() {
        TestBed.requireDocker();
        docker = DockerConnection.connect();
    }

    @AfterAll
    static void disconnect() {
        if (docker != null) {
            docker.close();
        }
    }

    private static TargetProfile database(String name) {
        return TargetProfiles.builtIn("postgres-database").withName(name);
    }

    private static CheckResult run(VolumeEncryptionCheck check, String image, TargetProfile profile,
            List<VolumeSpec> volumes) {
        ImageTarget target = new ImageTarget(docker, image, profile, volumes);
        CheckResult result = check.run(target, CheckContext.standalone(check, target.asCheckTarget(),
            Duration.ofSeconds(150)));
        assertThat(EngineLeftovers.containersOfProfile(profile.name())).as("containers left behind").isEmpty();
        volumeNames(result).forEach(volume -> assertThat(EngineLeftovers.volumes()).as("volume left behind")
            .doesNotContain(volume));
        return result;
    }

    private static CheckResult run(String image, TargetProfile profile, List<VolumeSpec> volumes) {
        return run(new VolumeEncryptionCheck(), image, profile, volumes);
    }

    private static List<String> volumeNames(CheckResult result) {
        return result.evidence().transcript().stream().map(VOLUME_MOUNT::matcher).filter(Matcher::find)
            .map(m -> m.group(1)).toList();
    }

    private static String why(CheckResult result) {
        return result.summary() + "\n" + result.evidence().facts() + "\n"
            + String.join("\n", result.evidence().transcript());
    }

    @Test
    void dataDirectoryWithoutAVolumeFailsBecauseItLandsInTheWritableLayer() {
        CheckResult result = run(TestBed.RECORDS_DB_NO_VOLUME, database("volume-test-no-volume"), List.of());

        assertThat(result.verdict()).as(why(result)).isEqualTo(Verdict.FAIL);
        assertThat(result.summary()).contains("/var/db is not a mount", "writable layer");
        assertThat(result.evidence().facts()).containsEntry("declared VOLUMEs", "none");
    }

    @Test
    void declaredVolumeOnTheHostsPlainDiskFailsWithTheMountChain() {
        CheckResult result = run(TestBed.RECORDS_DB_VOLUME, database("volume-test-anonymous"), List.of());

        assertThat(result.verdict()).as(why(result)).isEqualTo(Verdict.FAIL);
        assertThat(result.summary()).contains("/var/db is on unencrypted storage");
        assertThat(volumeNames(result)).hasSize(1);
        assertThat(result.evidence().transcript()).anyMatch(line -> line.startsWith("  chain: /probe: "))
            .anyMatch(line -> line.contains("read /proc/self/mountinfo"));
    }

    @Test
    void freshNamedVolumeOnThePlainDiskFails() {
        CheckResult result = run(TestBed.RECORDS_DB_VOLUME, database("volume-test-named"),
            List.of(VolumeSpec.freshVolume("/var/db")));

        assertThat(result.verdict()).as(why(result)).isEqualTo(Verdict.FAIL);
        assertThat(result.evidence().facts().get("volume choice")).contains("volume (fresh) at /var/db");
    }

    @Test
    void plainBoundDirectoryFails() throws Exception {
        EncryptedStorage.requireRoot();
        try (EncryptedStorage storage = EncryptedStorage.create()) {
            Path plain = storage.plainDirectory();

            CheckResult result = run(TestBed.RECORDS_DB_VOLUME, database("volume-test-plain-bind"),
                List.of(VolumeSpec.bind(plain.toString(), "/var/db", false)));

            assertThat(result.verdict()).as(why(result)).isEqualTo(Verdict.FAIL);
        }
    }

    @Test
    void fscryptEncryptedDirectoryOnExt4PassesNamingFscryptAndItsCipher() throws Exception {
        EncryptedStorage.requireRoot();
        try (EncryptedStorage storage = EncryptedStorage.create()) {
            Path encrypted = storage.fscryptDirectory();

            CheckResult result = run(TestBed.RECORDS_DB_VOLUME, database("volume-test-fscrypt"),
                List.of(VolumeSpec.bind(encrypted.toString(), "/var/db", false)));

            assertThat(result.verdict()).as(why(result)).isEqualTo(Verdict.PASS);
            assertThat(result.summary()).contains("fscrypt v2 policy", "AES-256-XTS (contents)");
            assertThat(result.evidence().transcript()).anyMatch(line -> line.contains("FS_IOC_GET_ENCRYPTION_POLICY"))
                .anyMatch(line -> line.contains("loop file " + encrypted.getParent().getParent()));
        }
    }

    @Test
    void gocryptfsMountPasses() throws Exception {
        EncryptedStorage.requireRoot();
        try (EncryptedStorage storage = EncryptedStorage.create()) {
            Path mount = storage.gocryptfsMount();

            CheckResult result = run(TestBed.RECORDS_DB_VOLUME, database("volume-test-gocryptfs"),
                List.of(VolumeSpec.bind(mount.toString(), "/var/db", false)));

            assertThat(result.verdict()).as(why(result)).isEqualTo(Verdict.PASS);
            assertThat(result.summary()).contains("FUSE gocryptfs");
            assertThat(result.evidence().transcript()).anyMatch(line -> line.contains("fuse.gocryptfs"));
        }
    }

    @Test
    void containerThatExitsAtOnceIsAnErrorWithItsLastLogLines() {
        // Without --initialize the database refuses to start on an empty data directory.
        CheckResult result = run(TestBed.RECORDS_DB_VOLUME, database("volume-test-exits").withoutInit(), List.of());

        assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(result.errorReason()).isEqualTo(ErrorReason.TARGET_EXITED);
        assertThat(result.evidence().transcript()).anyMatch(line -> line.contains("holds no database"));
    }

    @Test
    void containerThatNeverBecomesReadyIsAnError() {
        TargetProfile profile = database("volume-test-never-ready")
            .withReadiness(Readiness.logLine("a line this database never prints")).withDeadline(Duration.ofSeconds(4));

        CheckResult result = run(TestBed.RECORDS_DB_VOLUME, profile, List.of());

        assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(result.errorReason()).isEqualTo(ErrorReason.TARGET_NOT_READY);
    }

    @Test
    void missingBindPathIsAnErrorNotAPass() {
        String missing = "/nonexistent/vetbench/" + System.nanoTime();

        CheckResult result = run(TestBed.RECORDS_DB_VOLUME, database("volume-test-missing-path"),
            List.of(VolumeSpec.bind(missing, "/var/db", false)));

        assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(result.summary()).as(why(result)).contains(missing);
    }

    @Test
    void helperThatCannotRunIsAnErrorWithTheReason() {
        VolumeEncryptionCheck check = new VolumeEncryptionCheck("vetbench-test/no-such-helper:missing");

        CheckResult result = run(check, TestBed.RECORDS_DB_VOLUME, database("volume-test-no-helper"), List.of());

        assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(result.summary()).contains("storage helper image vetbench-test/no-such-helper:missing");
        assertThat(volumeNames(result)).hasSize(1);
    }
}

package dev.vetbench.checks.volumes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vetbench.checks.volumes.StorageAssessment.Protection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recognition from recorded host data; see src/test/resources/dev/vetbench/checks/volumes/README.md. */
class StorageRecognizerTest {

    static HostStorageSnapshot recorded(String name) throws IOException {
        try (InputStream in = StorageRecognizerTest.class.getResourceAsStream(name)) {
            assertThat(in).as("test resource " + name).isNotNull();
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            return HostStorageSnapshot.parse("/probe", lines);
        }
    }

    private static StorageAssessment recognize(String name) throws IOException {
        return StorageRecognizer.recognize(recorded(name));
    }

    @Test
    void ext4OnLuks2IsDmCrypt() throws IOException {
        StorageAssessment assessment = recognize("luks2-ext4.txt");

        assertThat(assessment.protection()).isEqualTo(Protection.ENCRYPTED);
        assertThat(assessment.mechanism()).isEqualTo("dm-crypt (LUKS2)");
        assertThat(assessment.explanation()).contains("luks-3f6b2c1e-8a9d-4e2f-b1c7-0d5e6a7b8c9d");
        assertThat(assessment.chain()).hasSize(3).first().asString().contains("ext4", "253:0");
    }

    @Test
    void lvmOnLuksIsFoundThroughTheSlaves() throws IOException {
        StorageAssessment assessment = recognize("lvm-on-luks2.txt");

        assertThat(assessment.protection()).isEqualTo(Protection.ENCRYPTED);
        assertThat(assessment.mechanism()).isEqualTo("dm-crypt (LUKS2)");
        assertThat(assessment.explanation()).contains("dm_crypt-0", "253:0");
        assertThat(assessment.chain()).anySatisfy(step -> assertThat(step).contains("vgubuntu-root", "on dm-0"));
        assertThat(assessment.chain()).anySatisfy(step -> assertThat(step).contains("nvme0n1p3"));
    }

    @Test
    void plainDmCryptIsRecognised() throws IOException {
        StorageAssessment assessment = recognize("dm-crypt-plain.txt");

        assertThat(assessment.protection()).isEqualTo(Protection.ENCRYPTED);
        assertThat(assessment.mechanism()).isEqualTo("dm-crypt (PLAIN)");
    }

    @Test
    void lvmWithoutCryptIsNotEncrypted() throws IOException {
        StorageAssessment assessment = recognize("lvm-unencrypted.txt");

        assertThat(assessment.protection()).isEqualTo(Protection.UNENCRYPTED);
        assertThat(assessment.chain()).anySatisfy(step -> assertThat(step).contains("vg0-docker", "sda2"));
    }

    @Test
    void zfsWithNativeEncryptionNamesItsCipherAndKeyStatus() throws IOException {
        StorageAssessment assessment = recognize("zfs-encrypted.txt");

        assertThat(assessment.protection()).isEqualTo(Protection.ENCRYPTED);
        assertThat(assessment.mechanism()).isEqualTo("ZFS native encryption");
        assertThat(assessment.cipher()).contains("AES-256-GCM");
        assertThat(assessment.explanation()).contains("rpool/secure", "available");
    }

    @Test
    void zfsWithEncryptionOffIsNotEncrypted() throws IOException {
        StorageAssessment assessment = recognize("zfs-unencrypted.txt");

        assertThat(assessment.protection()).isEqualTo(Protection.UNENCRYPTED);
        assertThat(assessment.explanation()).contains("encryption=off");
    }

    @Test
    void zfsWhosePropertiesCannotBeReadIsUndeterminedNotPassed() throws IOException {
        StorageAssessment assessment = recognize("zfs-without-zfs-command.txt");

        assertThat(assessment.protection()).isEqualTo(Protection.UNDETERMINED);
        assertThat(assessment.explanation()).contains("no zfs command");
    }

    @Test
    void fscryptPolicyGivesItsCiphers() throws IOException {
        StorageAssessment assessment = recognize("fscrypt-v2-ext4-loop.txt");

        assertThat(assessment.protection()).isEqualTo(Protection.ENCRYPTED);
        assertThat(assessment.mechanism()).isEqualTo("fscrypt v2 policy");
        assertThat(assessment.cipher()).contains("AES-256-XTS (contents), AES-256-CTS-CBC (filenames), padding 32");
        assertThat(assessment.chain()).anySatisfy(step -> assertThat(step).contains("loop file /tmp/vbfs"));
    }

    @Test
    void gocryptfsIsAnEncryptingFuseFilesystem() throws IOException {
        StorageAssessment assessment = recognize("gocryptfs.txt");

        assertThat(assessment.protection()).isEqualTo(Protection.ENCRYPTED);
        assertThat(assessment.mechanism()).isEqualTo("FUSE gocryptfs");
        assertThat(assessment.cipher()).isEmpty();
    }

    @Test
    void ecryptfsReportsItsCipherFromTheMountOptions() throws IOException {
        StorageAssessment assessment = recognize("ecryptfs.txt");

        assertThat(assessment.protection()).isEqualTo(Protection.ENCRYPTED);
        assertThat(assessment.cipher()).contains("AES-128");
    }

    @Test
    void plainExt4IsNotEncryptedAndShowsTheChain() throws IOException {
        StorageAssessment assessment = recognize("ext4-virtio-unencrypted.txt");

        assertThat(assessment.protection()).isEqualTo(Protection.UNENCRYPTED);
        assertThat(assessment.chain()).containsExactly("/probe: ext4 /dev/vda (254:0), root /tmp/tmp.aEd41ellTF",
            "block 254:0 vda");
    }

    @Test
    void aFuseFilesystemThatDoesNotEncryptFails() {
        HostStorageSnapshot snapshot = HostStorageSnapshot.parse("/probe", List.of(
            "VETBENCH-READ /proc/self/mountinfo",
            "| 120 87 0:60 / /probe ro,relatime - fuse.sshfs assessor@files:/srv rw,user_id=0,group_id=0",
            "VETBENCH-DONE /probe"));

        assertThat(StorageRecognizer.recognize(snapshot).protection()).isEqualTo(Protection.UNENCRYPTED);
    }

    @Test
    void outputThatIsNotTheProbesIsRejected() {
        assertThatThrownBy(() -> HostStorageSnapshot.parse("/probe", List.of("perl: command not found")))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HostStorageSnapshot.parse("/probe", List.of("VETBENCH-READ /proc/self/mountinfo")))
            .hasMessageContaining("before it finished");
    }

    @Test
    void mountInfoFieldsWithSpacesAreUnescaped() {
        MountInfoLine line = MountInfoLine.parse("36 35 98:0 /my\\040data /probe rw,noatime master:1 shared:2 - ext3 "
            + "/dev/root rw,errors=continue");

        assertThat(line.root()).isEqualTo("/my data");
        assertThat(line.fsType()).isEqualTo("ext3");
        assertThat(line.source()).isEqualTo("/dev/root");
        assertThat(line.major()).isEqualTo(98);
    }
}

package dev.vetbench.checks.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.checks.volumes.StorageAssessment.Protection;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a helper prints, parsing and recognition refuse or conclude; they never crash or call garbage encrypted. */
class StorageReportProperties {

    @Property(tries = 1000)
    void mangledReportsAreRefusedOrNeverEncrypted(@ForAll("reports") List<String> output) {
        HostStorageSnapshot snapshot;
        try {
            snapshot = HostStorageSnapshot.parse("/probe", output);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }

        StorageAssessment assessment = StorageRecognizer.recognize(snapshot);

        assertThat(assessment.explanation()).isNotBlank();
        if (assessment.protection() == Protection.ENCRYPTED) {
            // Only real markers may make it encrypted: an fscrypt answer, an encrypting filesystem, a CRYPT- uuid.
            assertThat(String.join("\n", output)).containsAnyOf("| ok ", "fuse.", "ecryptfs", "CRYPT-", "zfs");
        }
    }

    @Provide
    Arbitrary<List<String>> reports() {
        Arbitrary<String> header = Arbitraries.of("VETBENCH-READ /proc/self/mountinfo",
            "VETBENCH-READ /sys/dev/block/253:0/dm/uuid", "VETBENCH-LINK /sys/dev/block/253:0 -> ../dm-0",
            "VETBENCH-LIST /sys/dev/block/253:0/slaves", "VETBENCH-IOCTL FS_IOC_GET_ENCRYPTION_POLICY_EX /probe",
            "VETBENCH-RUN zfs get -H (exit 0)", "VETBENCH-MISSING zfs", "VETBENCH-BOGUS x", "garbage");
        Arbitrary<String> content = Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(80).map(text -> "| " + text),
            Arbitraries.of("| 1 2 253:0 / /probe rw - ext4 /dev/dm-0 rw", "| 1 2 x / /probe - ", "| ok zz",
                "| ok 02", "| ok 0201040300", "| CRYPT-LUKS2-abc-x", "| error 61 No data available",
                "| 1 2 0:5 / /probe rw - zfs pool/x rw", "| pool/x\tencryption\toff\tdefault"));
        return Arbitraries.oneOf(header, content).list().ofMaxSize(12).map(lines -> {
            List<String> withEnd = new ArrayList<>(lines);
            withEnd.add("VETBENCH-DONE /probe");
            return withEnd;
        });
    }
}

package dev.vetbench.checks.volumes;

import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.ErrorReason;
import dev.vetbench.checks.Evidence;
import dev.vetbench.checks.ImageTarget;
import dev.vetbench.checks.Verdict;
import dev.vetbench.checks.volumes.StorageAssessment.Protection;
import dev.vetbench.docker.MountInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Combines where each data directory lives and what storage is behind it into one verdict. */
final class VolumeVerdicts {

    private VolumeVerdicts() {
    }

    /**
     * FAIL when a data directory is not a mount or sits on unencrypted storage; ERROR when the storage behind a
     * mount could not be determined; PASS when every data directory is on encrypted storage.
     */
    static CheckResult conclude(String checkId, ImageTarget target, Map<String, Optional<MountInfo>> placement,
            Map<String, StorageAssessment> storage, Evidence.Builder evidence, Instant started) {
        List<String> failures = new ArrayList<>();
        List<String> undetermined = new ArrayList<>();
        List<String> encrypted = new ArrayList<>();
        placement.forEach((directory, mount) -> {
            if (mount.isEmpty()) {
                evidence.line(directory + ": not a mount, so its data lands in the container's writable layer");
                failures.add(directory + " is not a mount, so its data lands in the container's writable layer");
                return;
            }
            StorageAssessment assessment = storage.get(mount.get().source());
            record(directory, mount.get(), assessment, evidence);
            String described = directory + " (" + assessment.mechanism()
                + assessment.cipher().map(c -> ", " + c).orElse("") + ")";
            switch (assessment.protection()) {
                case ENCRYPTED -> encrypted.add(described);
                case UNENCRYPTED -> failures.add(directory + " is on unencrypted storage: "
                    + withoutFullStop(assessment.explanation()));
                case UNDETERMINED -> undetermined.add(directory + ": " + withoutFullStop(assessment.explanation()));
            }
        });
        return verdict(checkId, target, failures, undetermined, encrypted, evidence.build(), started);
    }

    private static CheckResult verdict(String checkId, ImageTarget target, List<String> failures,
            List<String> undetermined, List<String> encrypted, Evidence evidence, Instant started) {
        if (!failures.isEmpty()) {
            return CheckResult.conclusive(checkId, target.asCheckTarget(), Verdict.FAIL,
                "Data is not encrypted at rest: " + String.join("; ", failures) + ".", evidence, started);
        }
        if (!undetermined.isEmpty()) {
            return CheckResult.error(checkId, target.asCheckTarget(), ErrorReason.PROTOCOL_ERROR,
                "The storage behind a data directory could not be determined: " + String.join("; ", undetermined)
                    + ".",
                evidence, started);
        }
        return CheckResult.conclusive(checkId, target.asCheckTarget(), Verdict.PASS,
            "Every data directory is on encrypted storage: " + String.join("; ", encrypted) + ".", evidence,
            started);
    }

    private static void record(String directory, MountInfo mount, StorageAssessment assessment,
            Evidence.Builder evidence) {
        evidence.line(directory + ": " + mount.type() + " mount from " + mount.source() + ": "
            + assessment.protection() + ", " + assessment.mechanism()
            + assessment.cipher().map(c -> ", cipher " + c).orElse("") + ". " + assessment.explanation());
        assessment.chain().forEach(step -> evidence.line("  chain: " + step));
        if (assessment.protection() == Protection.ENCRYPTED) {
            evidence.fact("storage of " + directory, assessment.mechanism()
                + assessment.cipher().map(c -> ", " + c).orElse(""));
        }
    }

    private static String withoutFullStop(String sentence) {
        return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }
}

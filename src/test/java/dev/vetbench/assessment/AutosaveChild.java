package dev.vetbench.assessment;

import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.Evidence;
import dev.vetbench.checks.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Test fixture run in a child JVM by {@link KilledWhileSavingTest}: records results into a {@code .vetbench} file
 * as fast as it can and prints {@code saved <check id>} after each save returned, until it is killed.
 */
public final class AutosaveChild {

    private AutosaveChild() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        AutosavingAssessment live = Files.exists(file) ? AutosavingAssessment.open(file)
            : AutosavingAssessment.create(file, SampleAssessments.twoVersionsFourChecks());
        System.out.println("ready");
        System.out.flush();
        for (int i = live.current().results().size(); ; i++) {
            String checkId = "synthetic-" + i;
            CheckResult result = new CheckResult(checkId, SampleAssessments.FIXED.id(), Verdict.PASS,
                "Synthetic result number " + i + " with some words so each save has a realistic size.", null,
                Evidence.builder().fact("index", i).line("x".repeat(200)).build(), Instant.now(),
                Duration.ofMillis(i));
            live.record(SampleAssessments.FIXED.id(), result);
            System.out.println("saved " + checkId);
            System.out.flush();
        }
    }
}

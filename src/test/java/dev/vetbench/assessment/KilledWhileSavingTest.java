package dev.vetbench.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGKILL at random moments while results are being saved: every result reported as saved survives. */
class KilledWhileSavingTest {

    private static final int KILLS = 6;

    @TempDir
    Path dir;

    @Test
    void everyResultReportedAsSavedSurvivesSigkill() throws Exception {
        Path file = dir.resolve("killed.vetbench");
        List<String> saved = new ArrayList<>();
        Random random = new Random();

        for (int round = 0; round < KILLS; round++) {
            saved.addAll(runAndKill(file, 150 + random.nextInt(600)));

            Assessment reopened = AssessmentFiles.open(file);
            Set<String> present = reopened.results().stream().map(ResultEntry::checkId).collect(Collectors.toSet());
            assertThat(present).containsAll(saved);
        }
        AutosavingAssessment.open(file);
        try (var left = java.nio.file.Files.list(dir)) {
            assertThat(left).as("no temporary file of a killed save is left after reopening").containsExactly(file);
        }
        assertThat(saved).as("the child saved results before it was killed").hasSizeGreaterThan(KILLS);
    }

    /** Starts the child, lets it save for a while after it is ready, kills it, and returns what it said it saved. */
    private List<String> runAndKill(Path file, long millisAfterReady) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
            "-Dlogback.configurationFile=none", AutosaveChild.class.getName(), file.toString())
            .redirectErrorStream(true)
            .start();
        List<String> saved = new ArrayList<>();
        Thread reader = new Thread(() -> readSaved(child, saved));
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        synchronized (saved) {
            while (!saved.contains("ready") && System.nanoTime() < deadline) {
                saved.wait(100);
            }
        }
        Thread.sleep(millisAfterReady);

        child.destroyForcibly();
        child.waitFor(10, TimeUnit.SECONDS);
        reader.join(10_000);

        synchronized (saved) {
            assertThat(saved).as("child started").contains("ready");
            return saved.stream().filter(line -> !line.equals("ready")).toList();
        }
    }

    private static void readSaved(Process child, List<String> saved) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (saved) {
                    if (line.equals("ready")) {
                        saved.add(line);
                    } else if (line.startsWith("saved ")) {
                        saved.add(line.substring(6));
                    }
                    saved.notifyAll();
                }
            }
        } catch (java.io.IOException e) {
            // The child was killed: its output simply ends.
        }
    }
}

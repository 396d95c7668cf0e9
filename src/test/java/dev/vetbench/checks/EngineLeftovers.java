package dev.vetbench.checks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Asks the engine (through the docker CLI, so the test does not trust the code under test) what a test left. */
public final class EngineLeftovers {

    private EngineLeftovers() {
    }

    /** Ids of containers, running or not, started with the profile of this name. */
    public static List<String> containersOfProfile(String profileName) {
        return docker("ps", "-aq", "--filter", "label=dev.vetbench.profile=" + profileName);
    }

    /** Ids of helper containers still on the engine. */
    public static List<String> helperContainers() {
        return docker("ps", "-aq", "--filter", "name=vetbench-helper-");
    }

    /** Names of all volumes on the engine. */
    public static List<String> volumes() {
        return docker("volume", "ls", "-q");
    }

    private static List<String> docker(String... arguments) {
        try {
            Process process = new ProcessBuilder(concat(arguments)).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("docker " + String.join(" ", arguments) + " failed: " + out);
            }
            return out.lines().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new IllegalStateException("the docker CLI could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static List<String> concat(String... arguments) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of("docker"), java.util.Arrays.stream(arguments))
            .toList();
    }
}

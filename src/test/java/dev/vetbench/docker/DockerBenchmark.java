package dev.vetbench.docker;

import dev.vetbench.testbed.TestBed;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Measures the Docker engine calls an assessor waits for: connect, list images, and start-to-ready of the nginx
 * fixture. Prints the median of 5 runs (after one warm-up run) in milliseconds.
 *
 * <pre>
 * mvn -q -o test-compile exec:java -Dexec.mainClass=dev.vetbench.docker.DockerBenchmark -Dexec.classpathScope=test
 * </pre>
 */
public final class DockerBenchmark {

    private static final int RUNS = 5;

    private DockerBenchmark() {
    }

    public static void main(String[] args) {
        List<Long> connect = new ArrayList<>();
        List<Long> list = new ArrayList<>();
        List<Long> startToReady = new ArrayList<>();
        List<Long> stop = new ArrayList<>();
        TargetProfile profile = TargetProfiles.builtIn("nginx-tls-frontend").withName("benchmark-frontend");

        for (int run = 0; run <= RUNS; run++) {
            long t0 = System.nanoTime();
            try (DockerConnection docker = DockerConnection.connect()) {
                long t1 = System.nanoTime();
                int versions = docker.images(null).size();
                long t2 = System.nanoTime();
                RunningTarget target = docker.launcher().start(TestBed.FRONTEND_FIXED, profile);
                long t3 = System.nanoTime();
                target.close();
                long t4 = System.nanoTime();
                if (run > 0) {
                    connect.add(t1 - t0);
                    list.add(t2 - t1);
                    startToReady.add(t3 - t2);
                    stop.add(t4 - t3);
                }
                System.err.printf(Locale.ROOT, "run %d: %d versions listed%n", run, versions);
            }
        }
        System.out.printf(Locale.ROOT, "connect (ping, info, version, leftover sweep): %6.1f ms%n", median(connect));
        System.out.printf(Locale.ROOT, "list images on the host:                       %6.1f ms%n", median(list));
        System.out.printf(Locale.ROOT, "start-to-ready, %s:         %6.1f ms%n", TestBed.FRONTEND_FIXED,
            median(startToReady));
        System.out.printf(Locale.ROOT, "stop and remove the target:                    %6.1f ms%n", median(stop));
        System.exit(0);
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) / 1e6;
    }
}

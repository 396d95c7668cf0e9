package dev.vetbench.checks;

import dev.vetbench.tls.StartTls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * In-process timing of one TLS check against one endpoint, after JVM warm-up: {@code TlsCheckBenchmark CHECK HOST
 * PORT [postgres] [RUNS]}. Prints the verdict and the median, min and max in milliseconds. Used by
 * {@code src/test/scanners/compare.sh}; not a unit test.
 */
public final class TlsCheckBenchmark {

    private static final int WARM_UP = 30;

    private TlsCheckBenchmark() {
    }

    public static void main(String[] args) {
        Check check = CheckRegistry.standard().find(args[0]).orElseThrow();
        StartTls startTls = args.length > 3 && args[3].equals("postgres") ? StartTls.POSTGRES : StartTls.NONE;
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 25;
        CheckTarget target = CheckTarget.of(args[1], Integer.parseInt(args[2]), startTls);

        Verdict verdict = null;
        for (int i = 0; i < WARM_UP; i++) {
            verdict = once(check, target, new ArrayList<>());
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            once(check, target, millis);
        }
        Collections.sort(millis);
        System.out.printf("%s %s:%s %s median %.1f ms min %.1f ms max %.1f ms (%d runs after %d warm-up)%n",
            check.id(), args[1], args[2], verdict, millis.get(millis.size() / 2), millis.get(0),
            millis.get(millis.size() - 1), runs, WARM_UP);
    }

    private static Verdict once(Check check, CheckTarget target, List<Double> millis) {
        long start = System.nanoTime();
        CheckResult result = check.run(target, CheckContext.standalone(check, target, Duration.ofSeconds(30)));
        millis.add((System.nanoTime() - start) / 1_000_000.0);
        return result.verdict();
    }
}

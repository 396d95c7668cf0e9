package dev.vetbench.report;

import dev.vetbench.assessment.Assessment;
import dev.vetbench.assessment.SampleAssessments;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Times a signed report (PDF with PAdES signature, JSON with detached CMS signature, written to disk) for 20 image
 * versions x 4 checks after JVM warm-up. Rerun with:
 * {@code mvn -o -q -B test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.vetbench.report.ReportBenchmark}.
 */
public final class ReportBenchmark {

    private static final int VERSIONS = 20;
    private static final int WARM_UP = 15;
    private static final int RUNS = 21;

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("vetbench-report-benchmark");
        SigningIdentity identity = AssessorIdentities.createSelfSigned(dir.resolve("bench.p12"), "Bench Marker",
            "Vetbench", "benchmark", "benchmark-only".toCharArray(), AssessorIdentities.KeyType.EC_P256,
            Duration.ofDays(2));
        Assessment assessment = SampleAssessments.manyVersions(VERSIONS);
        ReportWriter writer = new ReportWriter("vetbench benchmark", Optional.of(identity), Optional.empty());
        Path pdf = dir.resolve("report.pdf");

        for (int i = 0; i < WARM_UP; i++) {
            writer.write(assessment, pdf, Instant.now());
        }
        long[] totals = new long[RUNS];
        long[] cpu = new long[RUNS];
        long[] layouts = new long[RUNS];
        ReportFiles files = null;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            files = writer.write(assessment, pdf, Instant.now());
            cpu[i] = threads.getCurrentThreadCpuTime() - startCpu;
            totals[i] = System.nanoTime() - start;
            layouts[i] = timeLayout(assessment, threads);
        }

        RenderedReport rendered = render(assessment);
        System.out.printf("signed report, %d versions x 4 checks, %d pages, after %d warm-up runs, %d runs%n",
            VERSIONS, rendered.pageCount(), WARM_UP, RUNS);
        System.out.printf("total (JSON + PDF layout + PAdES + CMS + files): median %.0f ms, min %.0f ms, max %.0f ms%n",
            median(totals), min(totals), max(totals));
        System.out.printf("CPU time of the writing thread: median %.0f ms, min %.0f ms%n", median(cpu), min(cpu));
        System.out.printf("of which PDF layout (unsigned, CPU time): median %.0f ms%n", median(layouts));
        System.out.printf("load average at the end: %.2f%n",
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("sizes: PDF %d bytes, JSON %d bytes, JSON signature %d bytes%n", files.pdfBytes(),
            files.jsonBytes(), Files.size(files.jsonSignature().orElseThrow()));
        System.out.printf("Java %s on %d cores%n", System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors());
    }

    private static long timeLayout(Assessment assessment, ThreadMXBean threads) throws ReportException {
        long start = threads.getCurrentThreadCpuTime();
        render(assessment);
        return threads.getCurrentThreadCpuTime() - start;
    }

    private static RenderedReport render(Assessment assessment) throws ReportException {
        ReportDocument document = ReportDocument.of(assessment, Instant.now(), "bench");
        return PdfReportWriter.render(assessment, document, document.toJson(), Optional.empty());
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    private static double min(long[] nanos) {
        return Arrays.stream(nanos).min().orElse(0) / 1e6;
    }

    private static double max(long[] nanos) {
        return Arrays.stream(nanos).max().orElse(0) / 1e6;
    }
}

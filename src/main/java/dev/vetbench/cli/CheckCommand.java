package dev.vetbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.vetbench.checks.CancellationToken;
import dev.vetbench.checks.Check;
import dev.vetbench.checks.CheckRegistry;
import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.CheckRunner;
import dev.vetbench.checks.CheckTarget;
import dev.vetbench.checks.Finding;
import dev.vetbench.checks.ImageCheck;
import dev.vetbench.checks.ProgressListener;
import dev.vetbench.checks.Verdict;
import dev.vetbench.checks.heartbleed.HeartbleedCheck;
import dev.vetbench.tls.StartTls;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code vetbench check CHECK HOST:PORT} or {@code vetbench check CHECK --image REPO:TAG --profile NAME}: runs one
 * check on one endpoint or image version and exits with its verdict.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
        "Runs one check on a TLS endpoint (HOST:PORT) or on an image version the check starts itself.",
        "Exit status: 0 PASS or NOT_APPLICABLE, 1 FAIL, 2 ERROR (the check could not run)."})
final class CheckCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CHECK", description = "The check: ${COMPLETION-CANDIDATES}.",
        completionCandidates = CheckIds.class)
    private String checkId;

    @Parameters(index = "1", arity = "0..1", paramLabel = "HOST:PORT", description = "The endpoint, e.g. "
        + "127.0.0.1:443 or [::1]:5432 (the TLS checks).")
    private String endpoint;

    @ParentCommand
    private VetbenchCommand root;

    @Option(names = "--image", paramLabel = "REPO:TAG", description = "proxy-protocol, volume-encryption: the "
        + "image version to start, e.g. medivendor/frontend:1.5.0.")
    private String image;

    @Option(names = "--profile", paramLabel = "NAME", description = "With --image: the target profile to start it "
        + "with, e.g. nginx-tls-frontend or postgres-database.")
    private String profile;

    @Option(names = "--volume", paramLabel = "SPEC", description = "volume-encryption: how a data directory is "
        + "backed instead of the profile's choice: none:/path, volume:/path (a fresh volume), volume:NAME:/path or "
        + "bind:/host/dir:/path[:ro]. Repeatable.")
    private List<String> volumes = new ArrayList<>();

    @Option(names = "--starttls", paramLabel = "PROTOCOL", defaultValue = "none",
        description = "What to say before TLS starts: none or postgres (PostgreSQL SSLRequest). Default: none.")
    private String startTls;

    @Option(names = "--json", description = "Print the result as JSON.")
    private boolean json;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
        description = "Give up after this many seconds (default: 30); with --image, after the profile's start-up "
            + "deadline plus this.")
    private double timeoutSeconds;

    @Option(names = "--masked-excerpt", description = "Heartbleed: keep a masked excerpt (letters as a, digits as "
        + "9) of leaked memory besides its length and SHA-256.")
    private boolean maskedExcerpt;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Optional<Check> check = findCheck();
        if (check.isPresent() && check.get() instanceof ImageCheck imageCheck && timeoutSeconds > 0) {
            return runImageCheck(imageCheck);
        }
        Optional<CheckTarget> target = endpoint == null ? missingEndpoint() : parseTarget();
        if (check.isEmpty() || target.isEmpty() || timeoutSeconds <= 0) {
            if (timeoutSeconds <= 0) {
                err.println("vetbench: --timeout must be a positive number of seconds.");
            }
            return VetbenchCommand.COULD_NOT_RUN;
        }
        Duration timeout = Duration.ofMillis(Math.round(timeoutSeconds * 1000));
        CheckResult result = new CheckRunner(1, timeout).runOne(check.get(), target.get(), ProgressListener.NONE,
            new CancellationToken());
        print(check.get(), result);
        return exitCode(result.verdict());
    }

    private int runImageCheck(ImageCheck check) throws Exception {
        Duration timeout = Duration.ofMillis(Math.round(timeoutSeconds * 1000));
        Optional<CheckResult> result = ImageCheckRun.run(spec, root, check, image, profile, volumes, timeout);
        if (result.isEmpty()) {
            return VetbenchCommand.COULD_NOT_RUN;
        }
        print(check, result.get());
        return exitCode(result.get().verdict());
    }

    private Optional<CheckTarget> missingEndpoint() {
        spec.commandLine().getErr().println("vetbench: the " + checkId + " check needs HOST:PORT, e.g. "
            + "127.0.0.1:443.");
        return Optional.empty();
    }

    static int exitCode(Verdict verdict) {
        return switch (verdict) {
            case PASS, NOT_APPLICABLE -> VetbenchCommand.OK;
            case FAIL -> VetbenchCommand.FINDINGS;
            case ERROR -> VetbenchCommand.COULD_NOT_RUN;
        };
    }

    private Optional<Check> findCheck() {
        if (HeartbleedCheck.ID.equals(checkId)) {
            return Optional.of(new HeartbleedCheck(new HeartbleedCheck.Options(
                HeartbleedCheck.Options.DEFAULT.replyWait(), maskedExcerpt)));
        }
        Optional<Check> check = CheckRegistry.standard().find(checkId);
        if (check.isEmpty()) {
            spec.commandLine().getErr().println("vetbench: there is no check called '" + checkId + "'; choose one "
                + "of " + String.join(", ", CheckRegistry.standard().ids()) + ".");
        }
        return check;
    }

    private Optional<CheckTarget> parseTarget() {
        Optional<StartTls> mode = switch (startTls.toLowerCase()) {
            case "none" -> Optional.of(StartTls.NONE);
            case "postgres", "postgresql" -> Optional.of(StartTls.POSTGRES);
            default -> Optional.empty();
        };
        if (mode.isEmpty()) {
            spec.commandLine().getErr().println("vetbench: --starttls must be none or postgres, not '" + startTls
                + "'.");
            return Optional.empty();
        }
        Optional<CheckTarget> target = Endpoints.parse(endpoint, mode.get());
        if (target.isEmpty()) {
            spec.commandLine().getErr().println("vetbench: '" + endpoint + "' is not HOST:PORT (e.g. "
                + "127.0.0.1:443 or [::1]:5432).");
        }
        return target;
    }

    private void print(Check check, CheckResult result) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(json().writeValueAsString(CheckReport.of(check, result)));
        } else {
            out.print(TextReport.render(check, result));
        }
        out.flush();
    }

    /** Made only when JSON is asked for: Jackson adds noticeably to the start-up of a one-shot command. */
    private static ObjectMapper json() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** The JSON shape of one result on the command line. */
    record CheckReport(String check, String title, String hipaaReference, String target, Verdict verdict,
            String errorReason, String summary, Map<String, String> facts, List<String> transcript,
            List<Finding> findings, Instant startedAt, long durationMillis) {

        static CheckReport of(Check check, CheckResult result) {
            return new CheckReport(result.checkId(), check.title(), check.hipaaReference(), result.target(),
                result.verdict(), result.errorReason() == null ? null : result.errorReason().name(),
                result.summary(), result.evidence().facts(), result.evidence().transcript(), result.findings(),
                result.startedAt(), result.duration().toMillis());
        }
    }

    /** Lists the check ids for help and shell completion. */
    static final class CheckIds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return CheckRegistry.standard().ids().iterator();
        }
    }
}

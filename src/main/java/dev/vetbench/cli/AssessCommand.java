package dev.vetbench.cli;

import dev.vetbench.assessment.Assessment;
import dev.vetbench.assessment.AssessmentFileException;
import dev.vetbench.assessment.AssessmentRunner;
import dev.vetbench.assessment.Assessor;
import dev.vetbench.assessment.AutosavingAssessment;
import dev.vetbench.assessment.Scope;
import dev.vetbench.checks.CancellationToken;
import dev.vetbench.checks.Check;
import dev.vetbench.checks.CheckRegistry;
import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.Verdict;
import dev.vetbench.docker.DockerConnection;
import dev.vetbench.docker.DockerException;
import dev.vetbench.docker.TargetProfile;
import dev.vetbench.docker.TargetProfiles;
import dev.vetbench.report.JUnitReport;
import dev.vetbench.report.ReportException;
import dev.vetbench.report.ReportFiles;
import dev.vetbench.report.ReportWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code vetbench assess}: starts image versions, runs checks, saves the {@code .vetbench} file as results arrive,
 * and writes the signed report. Exit 0 all pass, 1 findings, 2 could not run.
 */
@Command(name = "assess", mixinStandardHelpOptions = true,
    description = "Run checks on image versions and write the (signed) PDF and JSON report and the .vetbench file.")
final class AssessCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    VetbenchCommand root;

    @Option(names = "--image", required = true, paramLabel = "REPO:TAG",
        description = "An image version on the Docker host; repeat for several.")
    List<String> images;

    @Option(names = "--profile", required = true, paramLabel = "NAME",
        description = "The target profile to start the images with, e.g. nginx-tls-frontend.")
    String profileName;

    @Option(names = "--checks", defaultValue = "all", split = ",", paramLabel = "ID",
        description = "Checks to run, comma-separated, or 'all' (default).")
    List<String> checkIds;

    @Option(names = "--vendor", required = true, description = "The vendor whose images are assessed.")
    String vendor;

    @Option(names = "--product", defaultValue = "", description = "The vendor's product (default: the first image).")
    String product;

    @Option(names = "--assessor", defaultValue = "${sys:user.name}", description = "The assessor's name.")
    String assessor;

    @Option(names = "--organisation", defaultValue = "", description = "The assessor's organisation.")
    String organisation;

    @Option(names = "--role", defaultValue = "", description = "The assessor's role.")
    String role;

    @Option(names = "--out", required = true, paramLabel = "REPORT.pdf",
        description = "The PDF to write; the JSON, its .p7s and the .vetbench file go beside it.")
    Path out;

    @Option(names = "--assessment", paramLabel = "FILE.vetbench",
        description = "The assessment file, saved after every result; an existing one is continued.")
    Path assessmentFile;

    @Option(names = "--junit", paramLabel = "FILE.xml", description = "Also write JUnit XML for CI gates.")
    Path junit;

    @Option(names = "--sign", paramLabel = "FILE.p12", description = "Sign with the assessor's PKCS#12 identity.")
    Path sign;

    @Option(names = "--tsa", paramLabel = "URL", description = "Add an RFC 3161 time-stamp (off by default).")
    URI tsa;

    @Option(names = "--timeout", defaultValue = "60s", paramLabel = "DURATION", converter = Seconds.class,
        description = "Deadline per check, e.g. 30s or 2m (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @ArgGroup(exclusive = true)
    PasswordOptions password = new PasswordOptions();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            // The identity is opened first, so a wrong password stops the run before anything is started or written.
            ReportWriter writer = ReportCommand.ReportOutput.writer(sign, password, tsa);
            TargetProfile profile = profile();
            List<Check> checks = checks();
            Assessment assessment = runChecks(profile, checks);
            ReportFiles files = writer.write(assessment, out, Instant.now());
            ReportCommand.ReportOutput.describe(files, spec.commandLine().getOut());
            if (junit != null) {
                JUnitReport.write(assessment, junit);
            }
            return exitCode(assessment);
        } catch (ReportException | AssessmentFileException | PasswordOptions.PasswordException
                | DockerException | UsageException e) {
            err.println("vetbench assess: " + e.getMessage());
            return VetbenchCommand.COULD_NOT_RUN;
        }
    }

    private Assessment runChecks(TargetProfile profile, List<Check> checks) throws AssessmentFileException {
        Path file = assessmentFile != null ? assessmentFile : beside(out, ".vetbench");
        try (DockerConnection docker = DockerCommandSupport.connect(root)) {
            AutosavingAssessment live = open(file, docker.host().describe());
            PrintWriter stdout = spec.commandLine().getOut();
            new AssessmentRunner(docker, 2, timeout).run(live, images, profile, checks,
                new ConsoleListener(stdout), new CancellationToken());
            stdout.println("Assessment: " + file);
            return live.current();
        }
    }

    private AutosavingAssessment open(Path file, String dockerHost) throws AssessmentFileException {
        Assessor person = new Assessor(assessor, organisation, role);
        String productName = product.isBlank() ? images.get(0).replaceFirst(":[^:/]*$", "") : product;
        if (Files.exists(file)) {
            AutosavingAssessment live = AutosavingAssessment.open(file);
            live.update(a -> a.withParties(vendor, productName, person, Instant.now()));
            return live;
        }
        return AutosavingAssessment.create(file, Assessment.start(vendor, productName, person,
            new Scope(dockerHost, List.of(), List.of()), Instant.now()));
    }

    private TargetProfile profile() throws UsageException {
        TargetProfiles profiles = TargetProfiles.inDefaultDirectory();
        return profiles.find(profileName).orElseThrow(() -> new UsageException("There is no profile named "
            + profileName + "; choose one of " + String.join(", ", profiles.names()) + "."));
    }

    private List<Check> checks() throws UsageException {
        CheckRegistry registry = CheckRegistry.standard();
        if (checkIds.size() == 1 && "all".equals(checkIds.get(0))) {
            return registry.all();
        }
        List<Check> chosen = new ArrayList<>();
        for (String id : checkIds) {
            chosen.add(registry.find(id).orElseThrow(() -> new UsageException("There is no check named " + id
                + "; choose from " + String.join(", ", registry.ids()) + " or all.")));
        }
        return chosen;
    }

    /** 1 when any check found something, else 2 when any could not run, else 0. */
    private int exitCode(Assessment assessment) {
        List<Verdict> verdicts = assessment.results().stream().map(entry -> entry.result().verdict()).toList();
        if (verdicts.contains(Verdict.FAIL)) {
            return VetbenchCommand.FINDINGS;
        }
        return verdicts.contains(Verdict.ERROR) || verdicts.isEmpty() ? VetbenchCommand.COULD_NOT_RUN
            : VetbenchCommand.OK;
    }

    private static Path beside(Path pdf, String extension) {
        String name = pdf.getFileName().toString();
        String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf") ? name.substring(0, name.length() - 4)
            : name;
        return pdf.resolveSibling(base + extension);
    }

    /** Prints each saved result as it arrives. */
    private record ConsoleListener(PrintWriter out) implements AssessmentRunner.Listener {

        @Override
        public void step(String message) {
            out.println("  " + message);
            out.flush();
        }

        @Override
        public void saved(String versionId, CheckResult result) {
            out.println("saved " + result.checkId() + " on " + versionId + ": " + result.verdict() + " - "
                + result.summary());
            out.flush();
        }

        @Override
        public void saveFailed(String versionId, CheckResult result, AssessmentFileException problem) {
            out.println("NOT SAVED " + result.checkId() + " on " + versionId + ": " + problem.getMessage());
            out.flush();
        }
    }

    /** Reads {@code 30s}, {@code 2m}, {@code 1500ms} or an ISO-8601 duration such as {@code PT30S}. */
    static final class Seconds implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String text = value.strip().toLowerCase(java.util.Locale.ROOT);
            try {
                if (text.startsWith("pt")) {
                    return Duration.parse(text.toUpperCase(java.util.Locale.ROOT));
                }
                if (text.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
                }
                if (text.endsWith("m")) {
                    return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
                }
                return Duration.ofSeconds(Long.parseLong(text.endsWith("s") ? text.substring(0, text.length() - 1)
                    : text));
            } catch (RuntimeException e) {
                throw new TypeConversionException("'" + value + "' is not a duration; write e.g. 30s or 2m");
            }
        }
    }

    /** The command line named something that does not exist. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}

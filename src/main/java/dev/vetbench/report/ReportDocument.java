package dev.vetbench.report;

import com.fasterxml.jackson.core.JacksonException;
import dev.vetbench.assessment.Assessment;
import dev.vetbench.assessment.AssessmentJson;
import dev.vetbench.assessment.Assessor;
import dev.vetbench.assessment.CheckCatalogue;
import dev.vetbench.assessment.CheckInfo;
import dev.vetbench.assessment.ImageVersion;
import dev.vetbench.assessment.Note;
import dev.vetbench.assessment.Scope;
import dev.vetbench.assessment.VersionComparison;
import dev.vetbench.assessment.Waiver;
import dev.vetbench.checks.CheckResult;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON report: the machine-readable twin of the PDF, built from the same assessment.
 *
 * @param reportFormat always {@code vetbench-report}
 * @param reportVersion the version of this document's layout
 * @param generator the Vetbench build that wrote it
 * @param generatedAt when the report was made
 * @param assessmentId the assessment's identifier
 * @param vendor the vendor
 * @param product the product
 * @param assessor the assessor
 * @param scope Docker host, versions and profiles
 * @param summary counts over the matrix and the overall outcome
 * @param versionOrder the versions oldest first, as the matrix shows them
 * @param checks one section per check with its results
 * @param changes what was fixed or regressed from one version to the next
 * @param notes the assessor's notes
 * @param waivers accepted risks
 */
public record ReportDocument(
        String reportFormat,
        int reportVersion,
        String generator,
        Instant generatedAt,
        String assessmentId,
        String vendor,
        String product,
        Assessor assessor,
        Scope scope,
        ReportSummary summary,
        List<String> versionOrder,
        List<CheckSection> checks,
        List<VersionComparison.Change> changes,
        List<Note> notes,
        List<Waiver> waivers) {

    public static final String FORMAT = "vetbench-report";
    public static final int VERSION = 1;

    /**
     * One check and its result on each version.
     *
     * @param id the check id
     * @param title its title
     * @param proves what a PASS proves
     * @param hipaa the HIPAA Security Rule references
     * @param remediation what to do about a FAIL
     * @param results one per version that has a result, oldest version first
     */
    public record CheckSection(String id, String title, String proves, String hipaa, String remediation,
            List<VersionResult> results) {
    }

    /**
     * A result with the version it belongs to and the waiver beside it, if any.
     *
     * @param version the version id
     * @param digest the version's digest
     * @param result the verdict and its evidence, unchanged
     * @param waiver the waiver for this result, or null; it never changes the verdict
     */
    public record VersionResult(String version, String digest, CheckResult result, Waiver waiver) {
    }

    /** Builds the document for an assessment. */
    public static ReportDocument of(Assessment assessment, Instant generatedAt, String generator) {
        VersionComparison comparison = VersionComparison.of(assessment);
        LocalDate day = LocalDate.ofInstant(generatedAt, ZoneOffset.UTC);
        List<CheckSection> sections = new ArrayList<>();
        for (String checkId : comparison.checkIds()) {
            sections.add(section(assessment, comparison, CheckCatalogue.describe(checkId)));
        }
        return new ReportDocument(FORMAT, VERSION, generator, generatedAt, assessment.id(), assessment.vendor(),
            assessment.product(), assessment.assessor(), assessment.scope(),
            ReportSummary.of(assessment, comparison, day),
            comparison.versions().stream().map(ImageVersion::id).toList(), sections, comparison.changes(),
            assessment.notes(), assessment.waivers());
    }

    /** The document as UTF-8 JSON bytes, the exact bytes that are signed and embedded in the PDF. */
    public byte[] toJson() throws ReportException {
        try {
            return AssessmentJson.mapper().writeValueAsBytes(this);
        } catch (JacksonException e) {
            throw new ReportException("The JSON report could not be written; this is a bug.", e);
        }
    }

    private static CheckSection section(Assessment assessment, VersionComparison comparison, CheckInfo info) {
        List<VersionResult> results = new ArrayList<>();
        for (ImageVersion version : comparison.versions()) {
            assessment.result(version.id(), info.id()).ifPresent(result -> results.add(new VersionResult(
                version.id(), version.digest(), result,
                assessment.waiver(version.id(), info.id()).orElse(null))));
        }
        return new CheckSection(info.id(), info.title(), info.proves(), info.hipaa(), info.remediation(), results);
    }
}

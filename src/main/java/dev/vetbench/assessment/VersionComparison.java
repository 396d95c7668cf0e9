package dev.vetbench.assessment;

import dev.vetbench.checks.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The version x check matrix of an assessment and, per check, what changed from one version to the next.
 *
 * @param versions the versions in scope, in {@link VersionOrder} (results of versions no longer in scope are left
 *     out)
 * @param checkIds the checks that have a result on any version: catalogue order first, then others by id
 * @param changes verdict changes between consecutive versions of one repository that both have a result for
 *     the check
 */
public record VersionComparison(List<ImageVersion> versions, List<String> checkIds, List<Change> changes) {

    public VersionComparison {
        versions = List.copyOf(versions);
        checkIds = List.copyOf(checkIds);
        changes = List.copyOf(changes);
    }

    /** How a verdict moved from one version to the next. */
    public enum Kind {
        /** A finding in the earlier version is gone in the later one. */
        FIXED,
        /** A check that passed in the earlier version fails in the later one. */
        REGRESSED,
        /** Any other change, such as a check that could not run in one of them. */
        CHANGED
    }

    /**
     * One change of verdict for a check between two consecutive versions.
     *
     * @param checkId the check
     * @param fromVersion the earlier version's id
     * @param toVersion the later version's id
     * @param before the verdict on the earlier version
     * @param after the verdict on the later version
     * @param kind what the change means
     */
    public record Change(String checkId, String fromVersion, String toVersion, Verdict before, Verdict after,
            Kind kind) {
    }

    /** Builds the comparison of an assessment's results. */
    public static VersionComparison of(Assessment assessment) {
        List<ImageVersion> ordered = new ArrayList<>(assessment.scope().versions());
        ordered.sort(VersionOrder.VERSIONS);
        List<String> checks = checkIds(assessment, ordered);
        List<Change> changes = new ArrayList<>();
        for (String check : checks) {
            changes.addAll(changesOf(assessment, ordered, check));
        }
        return new VersionComparison(ordered, checks, changes);
    }

    /** The verdict in a cell of the matrix, if the check ran on that version. */
    public static Optional<Verdict> verdict(Assessment assessment, String versionId, String checkId) {
        return assessment.result(versionId, checkId).map(result -> result.verdict());
    }

    /** The changes for one check. */
    public List<Change> changesFor(String checkId) {
        return changes.stream().filter(change -> change.checkId().equals(checkId)).toList();
    }

    private static List<String> checkIds(Assessment assessment, List<ImageVersion> versions) {
        Set<String> present = new LinkedHashSet<>();
        Set<String> inScope = new LinkedHashSet<>();
        versions.forEach(version -> inScope.add(version.id()));
        assessment.results().stream()
            .filter(entry -> inScope.contains(entry.versionId()))
            .forEach(entry -> present.add(entry.checkId()));
        List<String> ordered = new ArrayList<>();
        CheckCatalogue.all().stream().map(CheckInfo::id).filter(present::contains).forEach(ordered::add);
        present.stream().filter(id -> !ordered.contains(id)).sorted().forEach(ordered::add);
        return ordered;
    }

    private static List<Change> changesOf(Assessment assessment, List<ImageVersion> versions, String checkId) {
        List<Change> changes = new ArrayList<>();
        ImageVersion previous = null;
        Verdict previousVerdict = null;
        for (ImageVersion version : versions) {
            Optional<Verdict> verdict = verdict(assessment, version.id(), checkId);
            if (verdict.isEmpty()) {
                continue;
            }
            // Only versions of one repository follow each other; a database and a front end are not successors.
            boolean successor = previous != null && previous.repository().equals(version.repository());
            if (successor && previousVerdict != verdict.get()) {
                changes.add(new Change(checkId, previous.id(), version.id(), previousVerdict, verdict.get(),
                    kindOf(previousVerdict, verdict.get())));
            }
            previous = version;
            previousVerdict = verdict.get();
        }
        return changes;
    }

    private static Kind kindOf(Verdict before, Verdict after) {
        if (before == Verdict.FAIL && after == Verdict.PASS) {
            return Kind.FIXED;
        }
        if (before == Verdict.PASS && after == Verdict.FAIL) {
            return Kind.REGRESSED;
        }
        return Kind.CHANGED;
    }
}

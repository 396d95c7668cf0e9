package dev.vetbench.assessment;

import dev.vetbench.checks.CheckResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The assessment being built: who assesses what for whom, one result per image version and check, notes and
 * waivers. Immutable; every change returns a new assessment (see {@link AutosavingAssessment} for one that saves
 * itself as it changes).
 *
 * @param id a random identifier, stable for the life of the assessment
 * @param vendor the vendor whose images are assessed
 * @param product the vendor's product
 * @param assessor who assesses and signs
 * @param scope the Docker host, image versions and profiles
 * @param results one entry per version and check, in the order they were recorded
 * @param notes the assessor's notes
 * @param waivers accepted risks, beside the verdicts they concern
 * @param createdAt when the assessment was started
 * @param updatedAt when it last changed
 */
public record Assessment(
        String id,
        String vendor,
        String product,
        Assessor assessor,
        Scope scope,
        List<ResultEntry> results,
        List<Note> notes,
        List<Waiver> waivers,
        Instant createdAt,
        Instant updatedAt) {

    public Assessment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(assessor, "assessor");
        Objects.requireNonNull(scope, "scope");
        results = List.copyOf(Objects.requireNonNull(results, "results"));
        notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
        waivers = List.copyOf(Objects.requireNonNull(waivers, "waivers"));
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** Starts an empty assessment. */
    public static Assessment start(String vendor, String product, Assessor assessor, Scope scope, Instant now) {
        return new Assessment(UUID.randomUUID().toString(), vendor, product, assessor, scope, List.of(), List.of(),
            List.of(), now, now);
    }

    /** The result of a check on a version, if it has run. */
    public Optional<CheckResult> result(String versionId, String checkId) {
        return results.stream()
            .filter(entry -> entry.versionId().equals(versionId) && entry.checkId().equals(checkId))
            .map(ResultEntry::result)
            .findFirst();
    }

    /** The waiver recorded for a version and check, if any (the latest one wins). */
    public Optional<Waiver> waiver(String versionId, String checkId) {
        Waiver found = null;
        for (Waiver waiver : waivers) {
            if (waiver.covers(versionId, checkId)) {
                found = waiver;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The version of the scope with the given id, if it is in scope. */
    public Optional<ImageVersion> version(String versionId) {
        return scope.versions().stream().filter(version -> version.id().equals(versionId)).findFirst();
    }

    /** Records a result, replacing an earlier result of the same check on the same version. */
    public Assessment withResult(String versionId, CheckResult result, Instant now) {
        List<ResultEntry> changed = new ArrayList<>(results);
        changed.removeIf(entry -> entry.versionId().equals(versionId) && entry.checkId().equals(result.checkId()));
        changed.add(new ResultEntry(versionId, result));
        return new Assessment(id, vendor, product, assessor, scope, changed, notes, waivers, createdAt, now);
    }

    /** Adds a note. */
    public Assessment withNote(Note note) {
        List<Note> changed = new ArrayList<>(notes);
        changed.add(note);
        return new Assessment(id, vendor, product, assessor, scope, results, changed, waivers, createdAt,
            note.writtenAt());
    }

    /** Adds a waiver beside a verdict; the verdict itself is left as it is. */
    public Assessment withWaiver(Waiver waiver) {
        List<Waiver> changed = new ArrayList<>(waivers);
        changed.add(waiver);
        return new Assessment(id, vendor, product, assessor, scope, results, notes, changed, createdAt,
            waiver.grantedAt());
    }

    /** Replaces the scope; results of versions that left the scope stay on record. */
    public Assessment withScope(Scope newScope, Instant now) {
        return new Assessment(id, vendor, product, assessor, newScope, results, notes, waivers, createdAt, now);
    }

    /** Replaces vendor, product and assessor. */
    public Assessment withParties(String newVendor, String newProduct, Assessor newAssessor, Instant now) {
        return new Assessment(id, newVendor, newProduct, newAssessor, scope, results, notes, waivers, createdAt,
            now);
    }

    /** Whether a waiver for this version and check holds on the given day. */
    public boolean waivedOn(String versionId, String checkId, LocalDate day) {
        return waiver(versionId, checkId).map(waiver -> waiver.activeOn(day)).orElse(false);
    }
}

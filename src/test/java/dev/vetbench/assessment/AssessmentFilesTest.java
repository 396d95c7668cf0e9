package dev.vetbench.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vetbench.checks.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssessmentFilesTest {

    @TempDir
    Path dir;

    @Test
    void savedAssessmentOpensEqualToWhatWasSaved() throws Exception {
        Assessment assessment = SampleAssessments.twoVersionsFourChecks();
        Path file = dir.resolve("portal.vetbench");

        AssessmentFiles.save(assessment, file);

        Assessment reopened = AssessmentFiles.open(file);
        assertThat(reopened).isEqualTo(assessment);
        assertThat(reopened.result(SampleAssessments.FLAWED.id(), "heartbleed").orElseThrow().verdict())
            .isEqualTo(Verdict.FAIL);
        assertThat(Files.readString(file)).contains("\"formatVersion\" : 1");
    }

    @Test
    void savingLeavesNoTemporaryFileBehind() throws Exception {
        Path file = dir.resolve("portal.vetbench");

        AssessmentFiles.save(SampleAssessments.twoVersionsFourChecks(), file);
        AssessmentFiles.save(SampleAssessments.twoVersionsFourChecks(), file);

        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void fileFromANewerFormatIsRefusedWithOneSentence() throws Exception {
        Path file = dir.resolve("future.vetbench");
        AssessmentFiles.save(SampleAssessments.twoVersionsFourChecks(), file);
        Files.writeString(file, Files.readString(file).replace("\"formatVersion\" : 1", "\"formatVersion\" : 7"));

        assertThatThrownBy(() -> AssessmentFiles.open(file))
            .isInstanceOf(AssessmentFileException.class)
            .hasMessageContaining("newer Vetbench (format 7")
            .hasMessageEndingWith("update Vetbench to open it.");
    }

    @Test
    void truncatedFileIsRefusedAsDamaged() throws Exception {
        Path file = dir.resolve("broken.vetbench");
        AssessmentFiles.save(SampleAssessments.twoVersionsFourChecks(), file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> AssessmentFiles.open(file))
            .isInstanceOf(AssessmentFileException.class)
            .hasMessageContaining("is damaged and could not be opened");
    }

    @Test
    void fileWithAMissingRequiredFieldIsRefusedRatherThanHalfLoaded() throws Exception {
        Path file = dir.resolve("half.vetbench");
        AssessmentFiles.save(SampleAssessments.twoVersionsFourChecks(), file);
        Files.writeString(file, Files.readString(file).replaceFirst("\"verdict\" : \"FAIL\"", "\"verdict\" : null"));

        assertThatThrownBy(() -> AssessmentFiles.open(file))
            .isInstanceOf(AssessmentFileException.class)
            .hasMessageContaining("is damaged");
    }

    @Test
    void otherJsonIsNotTakenForAnAssessment() throws Exception {
        Path file = dir.resolve("other.vetbench");
        Files.write(file, "{\"name\": \"package.json\"}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> AssessmentFiles.open(file))
            .isInstanceOf(AssessmentFileException.class)
            .hasMessage(file + " is not a Vetbench assessment file.");
    }

    @Test
    void missingFileSaysSo() {
        Path file = dir.resolve("nowhere.vetbench");

        assertThatThrownBy(() -> AssessmentFiles.open(file))
            .isInstanceOf(AssessmentFileException.class)
            .hasMessage("The assessment file " + file + " does not exist.");
    }

    @Test
    void autosavingAssessmentWritesEveryRecordedResult() throws Exception {
        Path file = dir.resolve("live.vetbench");
        Assessment empty = SampleAssessments.twoVersionsFourChecks();
        empty = new Assessment(empty.id(), empty.vendor(), empty.product(), empty.assessor(), empty.scope(),
            java.util.List.of(), empty.notes(), empty.waivers(), empty.createdAt(), empty.updatedAt());
        AutosavingAssessment live = AutosavingAssessment.create(file, empty);

        live.record(SampleAssessments.FIXED.id(), SampleAssessments.heartbleed(SampleAssessments.FIXED, false,
            SampleAssessments.STARTED));

        assertThat(AssessmentFiles.open(file).results()).hasSize(1);
        assertThat(AutosavingAssessment.open(file).current()).isEqualTo(live.current());
    }

    @Test
    void waiverSitsBesideTheVerdictWithoutChangingIt() {
        Assessment assessment = SampleAssessments.twoVersionsFourChecks();

        String version = SampleAssessments.FLAWED.id();

        assertThat(assessment.waiver(version, CheckCatalogue.VOLUME_ENCRYPTION)).isPresent();
        assertThat(assessment.result(version, CheckCatalogue.VOLUME_ENCRYPTION).orElseThrow().verdict())
            .isEqualTo(Verdict.FAIL);
        assertThat(assessment.waivedOn(version, CheckCatalogue.VOLUME_ENCRYPTION,
            java.time.LocalDate.parse("2027-01-31"))).isTrue();
        assertThat(assessment.waivedOn(version, CheckCatalogue.VOLUME_ENCRYPTION,
            java.time.LocalDate.parse("2027-02-01"))).isFalse();
    }
}

package dev.vetbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vetbench.assessment.Assessment;
import dev.vetbench.assessment.AssessmentJson;
import dev.vetbench.assessment.SampleAssessments;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportDocumentTest {

    private static final Instant NOW = Instant.parse("2026-12-03T15:00:00Z");

    @Test
    void summaryCountsEveryCellAndNeverCountsAnErrorAsPassed() {
        ReportSummary summary = ReportDocument.of(SampleAssessments.twoVersionsFourChecks(), NOW, "t").summary();

        assertThat(summary).isEqualTo(new ReportSummary(2, 4, 4, 3, 1, 0, 1, 0, ReportSummary.FINDINGS));
        assertThat(summary.openFindings()).isEqualTo(2);
    }

    @Test
    void anExpiredWaiverNoLongerCoversItsFinding() {
        Instant afterExpiry = Instant.parse("2027-02-01T09:00:00Z");

        ReportSummary summary = ReportDocument.of(SampleAssessments.twoVersionsFourChecks(), afterExpiry, "t")
            .summary();

        assertThat(summary.waived()).isZero();
        assertThat(summary.openFindings()).isEqualTo(3);
    }

    @Test
    void waivedFindingStaysFailInTheJsonWithTheWaiverBesideIt() throws Exception {
        JsonNode json = AssessmentJson.mapper().readTree(ReportDocument.of(SampleAssessments
            .twoVersionsFourChecks(), NOW, "t").toJson());

        JsonNode encryption = json.path("checks").get(3);
        assertThat(json.path("reportFormat").asText()).isEqualTo("vetbench-report");
        assertThat(encryption.path("id").asText()).isEqualTo("volume-encryption");
        assertThat(encryption.path("hipaa").asText()).isEqualTo("164.312(a)(2)(iv) encryption and decryption");
        JsonNode flawed = encryption.path("results").get(0);
        assertThat(flawed.path("version").asText()).isEqualTo(SampleAssessments.FLAWED.id());
        assertThat(flawed.path("result").path("verdict").asText()).isEqualTo("FAIL");
        assertThat(flawed.path("waiver").path("approver").asText()).isEqualTo("R. Okafor, CISO");
        assertThat(json.path("versionOrder").get(0).asText()).isEqualTo(SampleAssessments.FLAWED.id());
    }

    @Test
    void jsonReadsBackIntoTheSameDocument() throws Exception {
        ReportDocument document = ReportDocument.of(SampleAssessments.twoVersionsFourChecks(), NOW, "t");

        ReportDocument read = AssessmentJson.mapper().readValue(document.toJson(), ReportDocument.class);

        assertThat(read).isEqualTo(document);
    }

    @Test
    void junitXmlMarksFailuresAndErrorsAndNeverAnErrorAsPassed() throws Exception {
        Assessment assessment = SampleAssessments.twoVersionsFourChecks();

        String xml = new String(JUnitReport.toXml(assessment), StandardCharsets.UTF_8);

        assertThat(xml).contains("<testsuite name=\"medivendor/frontend:1.4.2\" tests=\"4\" failures=\"3\" "
            + "errors=\"1\" skipped=\"0\"");
        assertThat(xml).contains("<testsuite name=\"medivendor/frontend:1.5.0\" tests=\"4\" failures=\"0\" "
            + "errors=\"0\"");
        assertThat(xml).contains("<error message=\"target exited: ");
    }

    @Test
    void previewDrawsTheCoverAndTheMatrixPage() throws Exception {
        List<BufferedImage> pages = ReportPreview.pages(
            SampleAssessments.twoVersionsFourChecks(), Optional.empty(), 40f, 2);

        assertThat(pages).hasSize(2);
        Color topLeft = new Color(pages.get(0).getRGB(5, 5));
        assertThat(topLeft).as("the cover's brand band").isEqualTo(ReportStyle.BRAND);
        assertThat(PixelCount.inBox(pages.get(1), new PageBox(1, 56, 200, 483, 400), 40).near(ReportStyle.FAIL))
            .isPositive();
    }
}

package dev.vetbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ErrorReportTest {

    @Test
    void theSameFailureAtTheSamePlaceGetsTheSameCodeWhateverItsMessage() {
        ErrorReport first = ErrorReport.of("Could not read.", fail("/home/alice/a.p12"));
        ErrorReport second = ErrorReport.of("Could not read.", fail("/home/bob/b.p12"));

        assertThat(first.code()).isEqualTo(second.code()).matches("VB-[0-9A-F]{4}-[0-9A-F]{4}");
        assertThat(first.details()).contains("IOException", "/home/alice/a.p12");
    }

    @Test
    void theSentenceIsNeverTheRawException() {
        ErrorReport report = ErrorReport.of("Vetbench could not save the assessment. Check the disk space.",
            new IOException("No space left on device"));

        assertThat(report.sentence()).doesNotContain("IOException").doesNotContain("No space left");
    }

    @Test
    void aReportWithoutACauseHasNoDetails() {
        assertThat(ErrorReport.of("Enter a host.", null).details()).isEmpty();
    }

    private static IOException fail(String path) {
        return new IOException("cannot open " + path);
    }
}

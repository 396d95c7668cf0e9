package dev.vetbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.StringLength;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

class TextLayoutTest {

    private static final ReportFonts FONTS;

    static {
        try {
            FONTS = ReportFonts.embedInto(new PDDocument());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void hexDigestLongerThanTheLineIsBrokenInsideTheToken() {
        String digest = "sha256:" + "0123456789abcdef".repeat(4);

        List<String> lines = TextLayout.wrap("digest " + digest, FONTS.mono, 9f, 120f);

        assertThat(lines).hasSizeGreaterThan(2);
        assertThat(String.join("", lines).replace(" ", "")).isEqualTo("digest" + digest);
        assertThat(lines).allSatisfy(line -> assertThat(ReportFonts.width(FONTS.mono, 9f, line)).isLessThanOrEqualTo(
            120f));
    }

    @Test
    void wordsAreNotBrokenWhenTheyFit() {
        List<String> lines = TextLayout.wrap("The server refused the fallback with inappropriate_fallback.",
            FONTS.regular, 10f, 150f);

        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotStartWith(" "));
        assertThat(String.join(" ", lines)).isEqualTo("The server refused the fallback with inappropriate_fallback.");
    }

    @Test
    void charactersTheFontLacksBecomeQuestionMarksInsteadOfAborting() {
        String printable = FONTS.printable(FONTS.regular, "tab\there \uD83D\uDE00 emoji \u0007 bell");

        assertThat(printable).doesNotContain("\t", "\u0007");
        assertThat(ReportFonts.width(FONTS.regular, 10f, printable)).isPositive();
    }

    @Property(tries = 300)
    void noLineIsWiderThanTheWidthAndNoCharacterIsLost(
            @ForAll @StringLength(max = 300) String raw, @ForAll @FloatRange(min = 20f, max = 480f) float width) {
        String text = FONTS.printable(FONTS.regular, raw);

        List<String> lines = TextLayout.wrap(text, FONTS.regular, 9f, width);

        assertThat(lines).allSatisfy(line -> assertThat(ReportFonts.width(FONTS.regular, 9f, line))
            .isLessThanOrEqualTo(width + 0.01f));
        assertThat(String.join("", lines).replace(" ", "")).isEqualTo(text.replace(" ", ""));
    }
}

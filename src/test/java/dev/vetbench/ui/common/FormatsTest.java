package dev.vetbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormatsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @Test
    void sizesUseDecimalUnitsAsDockerPrintsThem() {
        assertThat(Formats.size(512)).isEqualTo("512 B");
        assertThat(Formats.size(1536)).isEqualTo("1.5 KB");
        assertThat(Formats.size(73_600_000)).isEqualTo("74 MB");
        assertThat(Formats.size(-1)).isEqualTo("unknown");
    }

    @Test
    void agesReadInTheLargestWholeUnit() {
        assertThat(Formats.age(NOW.minusSeconds(20), NOW)).isEqualTo("just now");
        assertThat(Formats.age(NOW.minus(Duration.ofMinutes(1)), NOW)).isEqualTo("1 minute ago");
        assertThat(Formats.age(NOW.minus(Duration.ofHours(5)), NOW)).isEqualTo("5 hours ago");
        assertThat(Formats.age(NOW.minus(Duration.ofDays(3)), NOW)).isEqualTo("3 days ago");
        assertThat(Formats.age(NOW.minus(Duration.ofDays(800)), NOW)).isEqualTo("2 years ago");
        assertThat(Formats.age(null, NOW)).isEqualTo("unknown");
    }

    @Test
    void digestsAreShortenedToTwelveHexDigits() {
        assertThat(Formats.shortDigest("sha256:0123456789abcdef0123")).isEqualTo("sha256:0123456789ab");
    }
}

package dev.vetbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.ui.common.UiSettings.WindowPlacement;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UiSettingsStoreTest {

    @TempDir
    Path directory;

    @Test
    void themeWindowAndRecentHostsSurviveARestart() {
        UiSettingsStore store = new UiSettingsStore(directory.resolve("vetbench/ui.json"));
        store.save(UiSettings.defaults().withDark(true)
            .withWindow(new WindowPlacement(10, 20, 1200, 800, false))
            .withRecentHost("tcp://a:2375").withRecentHost("unix:///var/run/docker.sock"));

        UiSettings loaded = new UiSettingsStore(directory.resolve("vetbench/ui.json")).load();

        assertThat(loaded.dark()).isTrue();
        assertThat(loaded.window()).isEqualTo(new WindowPlacement(10, 20, 1200, 800, false));
        assertThat(loaded.recentHosts()).containsExactly("unix:///var/run/docker.sock", "tcp://a:2375");
    }

    @Test
    void aBrokenFileGivesTheDefaultsInsteadOfRefusingToStart() throws Exception {
        Path file = directory.resolve("ui.json");
        Files.writeString(file, "{\"dark\": tru");

        assertThat(new UiSettingsStore(file).load()).isEqualTo(UiSettings.defaults());
    }

    @Test
    void recentHostsMoveToTheFrontWithoutDuplicatesAndStayFew() {
        UiSettings settings = UiSettings.defaults();
        for (int i = 0; i < 12; i++) {
            settings = settings.withRecentHost("tcp://host" + i + ":2375");
        }
        settings = settings.withRecentHost("tcp://host5:2375");

        assertThat(settings.recentHosts()).hasSize(UiSettings.MAX_RECENT_HOSTS)
            .startsWith("tcp://host5:2375", "tcp://host11:2375").doesNotHaveDuplicates();
    }
}

package dev.vetbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.testbed.TestBed;
import dev.vetbench.ui.versions.VersionRow;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SocketImageCatalogTest {

    @Test
    void theFixtureVersionsAreListedWithDigestSizeAndBuildTime() throws Exception {
        TestBed.requireDocker();
        SocketEngineConnector engine = new SocketEngineConnector(new DockerEndpoints(Map.of(), Path.of("/none")));

        List<VersionRow> rows = new SocketImageCatalog(engine, engine.defaultHost()).hostVersions();

        assertThat(rows).extracting(VersionRow::reference)
            .contains(TestBed.FRONTEND_FLAWED, TestBed.FRONTEND_FIXED);
        VersionRow fixed = rows.stream().filter(row -> row.reference().equals(TestBed.FRONTEND_FIXED))
            .findFirst().orElseThrow();
        assertThat(fixed.digest()).matches("sha256:[0-9a-f]{64}");
        assertThat(fixed.sizeBytes()).isPositive();
        assertThat(fixed.created()).isNotNull();
        assertThat(fixed.onHost()).isTrue();
    }
}

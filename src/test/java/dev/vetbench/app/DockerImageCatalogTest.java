package dev.vetbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.testbed.TestBed;
import dev.vetbench.ui.versions.VersionRow;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DockerImageCatalogTest {

    private final DockerEngineConnector engines = new DockerEngineConnector();
    private final DockerImageCatalog catalog = new DockerImageCatalog(engines);

    @BeforeEach
    void connect() throws Exception {
        TestBed.requireDocker();
        engines.connect(engines.defaultHost());
    }

    @AfterEach
    void close() {
        engines.close();
    }

    @Test
    void theFixtureVersionsOnTheHostAreListedWithDigestSizeAndBuildTime() throws Exception {
        List<VersionRow> rows = catalog.hostVersions();

        assertThat(rows).extracting(VersionRow::reference).contains(TestBed.FRONTEND_FLAWED, TestBed.FRONTEND_FIXED);
        VersionRow fixed = rows.stream().filter(row -> row.reference().equals(TestBed.FRONTEND_FIXED))
            .findFirst().orElseThrow();
        assertThat(fixed.digest()).startsWith("sha256:");
        assertThat(fixed.sizeBytes()).isPositive();
        assertThat(fixed.created()).isNotNull();
        assertThat(fixed.onHost()).isTrue();
    }

    @Test
    void theRegistryListsTheFixtureTagsAndAPullReportsProgress() throws Exception {
        List<VersionRow> tags = catalog.registryVersions(TestBed.REGISTRY, TestBed.FRONTEND);

        assertThat(tags).extracting(VersionRow::tag).contains("1.4.2", "1.5.0");
        assertThat(tags).allMatch(row -> !row.onHost());

        List<Double> progress = new CopyOnWriteArrayList<>();
        VersionRow pulled = catalog.pull(tags.get(0), progress::add);
        assertThat(pulled.onHost()).isTrue();
        assertThat(pulled.reference()).isEqualTo(tags.get(0).reference());
        assertThat(progress).isNotEmpty().last().isEqualTo(1.0);
    }
}

package dev.vetbench.ui.versions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.ui.common.BackgroundTasks;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Versions screen's behaviour without the FX toolkit; work and publishing run on the calling thread. */
class VersionsViewModelTest {

    private static final Instant BUILT = Instant.parse("2026-11-20T10:00:00Z");

    private final BackgroundTasks tasks = new BackgroundTasks(Executors.newSingleThreadExecutor(), Runnable::run);

    @AfterEach
    void stopWorkers() {
        tasks.close();
    }

    @Test
    void theHostsVersionsAreListedNewestTagFirstAndFilterable() throws Exception {
        VersionsViewModel model = new VersionsViewModel(tasks);

        model.useCatalog(new Catalog());
        awaitIdle(model);

        assertThat(model.items()).extracting(item -> item.rowProperty().get().reference())
            .containsExactly("medivendor/frontend:1.5.0", "medivendor/frontend:1.4.2", "medivendor/records-db:3.2.0");
        model.filterProperty().set("records");
        assertThat(model.visibleItems()).extracting(item -> item.rowProperty().get().tag()).containsExactly("3.2.0");
    }

    @Test
    void pickingVersionsKeepsTheSelectionInListOrder() throws Exception {
        VersionsViewModel model = new VersionsViewModel(tasks);
        model.useCatalog(new Catalog());
        awaitIdle(model);

        model.items().get(2).selectedProperty().set(true);
        model.items().get(0).selectedProperty().set(true);

        assertThat(model.selected()).extracting(VersionRow::reference)
            .containsExactly("medivendor/frontend:1.5.0", "medivendor/records-db:3.2.0");
    }

    @Test
    void registryTagsJoinTheListAndAPullPutsTheVersionOnTheHost() throws Exception {
        VersionsViewModel model = new VersionsViewModel(tasks);
        model.useCatalog(new Catalog());
        awaitIdle(model);
        model.registryProperty().set("127.0.0.1:5055");
        model.repositoryProperty().set("medivendor/frontend");

        model.listRegistry();
        awaitIdle(model);
        VersionsViewModel.Item remote = model.items().stream()
            .filter(item -> item.rowProperty().get().tag().equals("1.6.0")).findFirst().orElseThrow();
        assertThat(remote.rowProperty().get().onHost()).isFalse();
        model.pull(remote);
        awaitIdle(model);

        assertThat(remote.rowProperty().get().onHost()).isTrue();
        assertThat(remote.progressProperty().get()).isEqualTo(1.0);
        assertThat(model.items()).hasSize(4);
    }

    @Test
    void aFailedListingShowsTheCatalogsSentence() throws Exception {
        VersionsViewModel model = new VersionsViewModel(tasks);

        model.useCatalog(new Catalog() {
            @Override
            public List<VersionRow> hostVersions() throws CatalogException {
                throw new CatalogException("The Docker engine at unix:///var/run/docker.sock did not answer.", null);
            }
        });
        awaitIdle(model);

        assertThat(model.errorProperty().get().sentence())
            .isEqualTo("The Docker engine at unix:///var/run/docker.sock did not answer.");
        assertThat(model.items()).isEmpty();
    }

    private static void awaitIdle(VersionsViewModel model) throws InterruptedException {
        for (int i = 0; i < 500 && model.loadingProperty().get(); i++) {
            Thread.sleep(10);
        }
        Thread.sleep(50);
    }

    /** A catalog with fixed rows; the real one is tested against the engine in dev.vetbench.app. */
    private static class Catalog implements ImageCatalog {
        @Override
        public List<VersionRow> hostVersions() throws CatalogException {
            return List.of(row("medivendor/frontend", "1.4.2", true), row("medivendor/records-db", "3.2.0", true),
                row("medivendor/frontend", "1.5.0", true));
        }

        @Override
        public List<VersionRow> registryVersions(String registry, String repository) {
            return List.of(row(repository, "1.5.0", false), row(repository, "1.6.0", false));
        }

        @Override
        public VersionRow pull(VersionRow version, Consumer<Double> progress) {
            progress.accept(0.5);
            progress.accept(1.0);
            return row(version.repository(), version.tag(), true);
        }

        private static VersionRow row(String repository, String tag, boolean onHost) {
            return new VersionRow(repository, tag, "sha256:" + tag.replace(".", "") + "0".repeat(60), 73_600_000,
                BUILT, onHost);
        }
    }
}

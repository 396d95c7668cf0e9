package dev.vetbench.ui.versions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.checks.CancellationToken;
import dev.vetbench.ui.common.BackgroundTasks;
import dev.vetbench.ui.versions.ImageCatalog.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

    @Test
    void aRegistryThatAsksForALoginShowsTheLoginFieldsAndTheLoginIsUsedForTheNextListing() throws Exception {
        VersionsViewModel model = new VersionsViewModel(tasks);
        List<RegistryAccess> asked = new ArrayList<>();
        model.useCatalog(new Catalog() {
            @Override
            public List<VersionRow> registryVersions(String registry, String repository, RegistryAccess access)
                    throws CatalogException {
                asked.add(access);
                if (!access.hasLogin()) {
                    throw new CatalogException(Problem.LOGIN_REQUIRED, "Registry " + registry + " asks for a login; "
                        + "enter your user name and password for it and list again.", null);
                }
                return super.registryVersions(registry, repository, access);
            }
        });
        awaitIdle(model);
        model.registryProperty().set("127.0.0.1:5056");
        model.repositoryProperty().set("medivendor/frontend");

        model.listRegistry();
        awaitIdle(model);
        assertThat(model.errorProperty().get().sentence()).isEqualTo("Registry 127.0.0.1:5056 asks for a login; "
            + "enter your user name and password for it and list again.");
        assertThat(model.loginShownProperty().get()).isTrue();

        model.usernameProperty().set("assessor");
        model.passwordProperty().set("s3cret-9");
        model.caFileProperty().set(Path.of("/etc/ssl/registry-ca.crt"));
        model.listRegistry();
        awaitIdle(model);

        assertThat(model.errorProperty().get()).isNull();
        assertThat(asked).last().isEqualTo(new RegistryAccess("assessor", "s3cret-9",
            Path.of("/etc/ssl/registry-ca.crt")));
        assertThat(asked.get(1).toString()).doesNotContain("s3cret-9");
        assertThat(model.items()).extracting(item -> item.rowProperty().get().tag()).contains("1.6.0");
    }

    @Test
    void aCancelledPullPutsTheRowBackAndSaysSo() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        List<String> hostListings = new ArrayList<>();
        VersionsViewModel model = new VersionsViewModel(tasks);
        model.useCatalog(new Catalog() {
            @Override
            public List<VersionRow> hostVersions() throws CatalogException {
                hostListings.add("listed");
                return super.hostVersions();
            }

            @Override
            public VersionRow pull(VersionRow version, Consumer<Double> progress, CancellationToken cancel)
                    throws CatalogException {
                progress.accept(0.1);
                CountDownLatch stopped = new CountDownLatch(1);
                cancel.onCancel(stopped::countDown);
                started.countDown();
                try {
                    stopped.await(); // As the engine's stream does until it is closed.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new CatalogException(Problem.CANCELLED, "Pull of " + version.reference() + " cancelled.",
                    null);
            }
        });
        awaitIdle(model);
        model.registryProperty().set("127.0.0.1:5055");
        model.repositoryProperty().set("medivendor/frontend");
        model.listRegistry();
        awaitIdle(model);
        VersionsViewModel.Item remote = model.items().stream()
            .filter(item -> item.rowProperty().get().tag().equals("1.6.0")).findFirst().orElseThrow();
        VersionRow before = remote.rowProperty().get();

        model.pull(remote);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(remote.pullingProperty().get()).isTrue();
        model.cancel();
        awaitIdle(model);

        assertThat(remote.pullingProperty().get()).isFalse();
        assertThat(remote.rowProperty().get()).isEqualTo(before);
        assertThat(remote.rowProperty().get().onHost()).isFalse();
        assertThat(remote.progressProperty().get()).isEqualTo(-1.0);
        assertThat(model.noticeProperty().get()).isEqualTo("Pull of medivendor/frontend:1.6.0 cancelled.");
        assertThat(model.errorProperty().get()).isNull();
        assertThat(hostListings).hasSize(2); // Listed again after the cancel, to show what the host really has.
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
        public List<VersionRow> registryVersions(String registry, String repository, RegistryAccess access)
                throws CatalogException {
            return List.of(row(repository, "1.5.0", false), row(repository, "1.6.0", false));
        }

        @Override
        public VersionRow pull(VersionRow version, Consumer<Double> progress, CancellationToken cancel)
                throws CatalogException {
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

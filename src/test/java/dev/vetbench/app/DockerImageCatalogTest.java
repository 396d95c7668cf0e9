package dev.vetbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vetbench.checks.CancellationToken;
import dev.vetbench.docker.RegistryCredentials;
import dev.vetbench.testbed.PullProbe;
import dev.vetbench.testbed.RegistryLogin;
import dev.vetbench.testbed.TestBed;
import dev.vetbench.ui.versions.ImageCatalog.CatalogException;
import dev.vetbench.ui.versions.ImageCatalog.Problem;
import dev.vetbench.ui.versions.RegistryAccess;
import dev.vetbench.ui.versions.VersionRow;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DockerImageCatalogTest {

    private static final String AUTH_REGISTRY = "https://" + TestBed.AUTH_REGISTRY;

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
        List<VersionRow> tags = catalog.registryVersions(TestBed.REGISTRY, TestBed.FRONTEND,
            RegistryAccess.anonymous());

        assertThat(tags).extracting(VersionRow::tag).contains("1.4.2", "1.5.0");
        assertThat(tags).allMatch(row -> !row.onHost());

        List<Double> progress = new CopyOnWriteArrayList<>();
        VersionRow pulled = catalog.pull(tags.get(0), progress::add, new CancellationToken());
        assertThat(pulled.onHost()).isTrue();
        assertThat(pulled.reference()).isEqualTo(tags.get(0).reference());
        assertThat(progress).isNotEmpty().last().isEqualTo(1.0);
    }

    @Test
    void aRegistryThatAsksForALoginGetsOneSentenceSayingSo() {
        RegistryAccess caOnly = new RegistryAccess("", "", RegistryLogin.CA_FILE);

        CatalogException failure = catchThrowableOfType(CatalogException.class,
            () -> catalog.registryVersions(AUTH_REGISTRY, TestBed.FRONTEND, caOnly));

        assertThat(failure.problem()).isEqualTo(Problem.LOGIN_REQUIRED);
        assertThat(failure).hasMessage("Registry " + TestBed.AUTH_REGISTRY + " asks for a login; enter your user "
            + "name and password for it and list again.");
    }

    @Test
    void aRegistryWithAPrivateCaAsksForItsCertificate() {
        CatalogException failure = catchThrowableOfType(CatalogException.class,
            () -> catalog.registryVersions(TestBed.AUTH_REGISTRY, TestBed.FRONTEND, RegistryAccess.anonymous()));

        assertThat(failure.problem()).isEqualTo(Problem.UNTRUSTED_REGISTRY);
        assertThat(failure).hasMessage("Vetbench could not verify the certificate of registry "
            + TestBed.AUTH_REGISTRY + "; choose the registry's CA certificate file and list again.");
    }

    @Test
    void withLoginAndCaTheRegistryListsTheFixedFrontEndAndThePullUsesTheSameLogin() throws Exception {
        String password = RegistryCredentials.withPasswordFile(RegistryLogin.USER, RegistryLogin.PASSWORD_FILE)
            .password();
        RegistryAccess login = new RegistryAccess(RegistryLogin.USER, password, RegistryLogin.CA_FILE);

        List<VersionRow> tags = catalog.registryVersions(AUTH_REGISTRY, TestBed.FRONTEND, login);

        assertThat(tags).extracting(VersionRow::reference)
            .contains(TestBed.AUTH_REGISTRY + "/" + TestBed.FRONTEND_FIXED);
        VersionRow fixed = tags.stream().filter(row -> row.tag().equals("1.5.0")).findFirst().orElseThrow();
        assertThat(fixed.digest()).matches("sha256:[0-9a-f]{64}");
        VersionRow pulled = catalog.pull(fixed, fraction -> { }, new CancellationToken());
        assertThat(pulled.onHost()).isTrue();
        assertThat(pulled.digest()).isEqualTo(fixed.digest());
    }

    @Test
    void aWrongPasswordIsRefusedWithoutShowingIt() {
        RegistryAccess wrong = new RegistryAccess(RegistryLogin.USER, "not-it-5150", RegistryLogin.CA_FILE);

        CatalogException failure = catchThrowableOfType(CatalogException.class,
            () -> catalog.registryVersions(AUTH_REGISTRY, TestBed.FRONTEND, wrong));

        assertThat(failure.problem()).isEqualTo(Problem.FAILED);
        assertThat(failure).hasMessage("Registry " + TestBed.AUTH_REGISTRY + " refused the credentials (HTTP 401); "
            + "check the user name and password.");
        assertThat(failure.toString()).doesNotContain("not-it-5150");
    }

    @Test
    void aPullCancelledWhileLayersDownloadStopsPromptlyAndLeavesNothingOnTheHost() throws Exception {
        VersionRow probe = PullProbe.onlyInRegistry();
        CountDownLatch downloading = new CountDownLatch(1);
        CancellationToken cancel = new CancellationToken();

        CompletableFuture<VersionRow> pull = CompletableFuture.supplyAsync(() -> {
            try {
                return catalog.pull(probe, fraction -> {
                    if (fraction > 0) {
                        downloading.countDown();
                    }
                }, cancel);
            } catch (CatalogException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(downloading.await(60, TimeUnit.SECONDS)).as("the engine started downloading").isTrue();
        long cancelledAt = System.nanoTime();
        cancel.cancel();
        ExecutionException outcome = catchThrowableOfType(ExecutionException.class,
            () -> pull.get(30, TimeUnit.SECONDS));
        Duration stopping = Duration.ofNanos(System.nanoTime() - cancelledAt);

        CatalogException failure = (CatalogException) outcome.getCause().getCause();
        assertThat(failure.problem()).isEqualTo(Problem.CANCELLED);
        assertThat(failure).hasMessage("Pull of " + probe.reference() + " cancelled.");
        assertThat(stopping).as("time from cancel to return").isLessThan(Duration.ofSeconds(3));
        assertThat(catalog.hostVersions()).extracting(VersionRow::reference).doesNotContain(probe.reference());
        // Long enough for an engine that kept pulling to have finished: the image must still be missing.
        Thread.sleep(PullProbe.FULL_PULL_MILLIS);
        assertThat(PullProbe.onHost()).isFalse();
    }
}

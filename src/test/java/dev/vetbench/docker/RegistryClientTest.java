package dev.vetbench.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vetbench.testbed.RegistryLogin;
import dev.vetbench.testbed.TestBed;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing fixture versions from the test bed's registries over the registry HTTP API. */
class RegistryClientTest {

    static final Path AUTH_PASSWORD = RegistryLogin.PASSWORD_FILE;
    static final Path AUTH_CA = RegistryLogin.CA_FILE;

    @TempDir
    Path temp;

    @Test
    void openRegistryListsEveryFixtureVersionWithDigestSizeAndAge() {
        TestBed.requireDocker();
        RegistryClient registry = RegistryClient.open(TestBed.REGISTRY, null, null);

        List<ImageVersion> versions = registry.versions(TestBed.FRONTEND);

        assertThat(registry.repositories()).contains(TestBed.FRONTEND, TestBed.RECORDS_DB);
        assertThat(versions).extracting(ImageVersion::tag).contains("1.4.2", "1.5.0");
        assertThat(versions).allSatisfy(version -> {
            assertThat(version.repository()).isEqualTo(TestBed.REGISTRY + "/" + TestBed.FRONTEND);
            assertThat(version.digest()).matches("sha256:[0-9a-f]{64}");
            assertThat(version.sizeBytes()).isGreaterThan(1_000_000);
            assertThat(version.created()).isNotNull();
        });
    }

    @Test
    void authenticatedRegistryListsVersionsWithBasicCredentials() {
        TestBed.requireDocker();
        RegistryClient registry = RegistryClient.open("https://" + TestBed.AUTH_REGISTRY,
            RegistryCredentials.withPasswordFile(RegistryLogin.USER, AUTH_PASSWORD), AUTH_CA);

        assertThat(registry.tags(TestBed.FRONTEND)).contains("1.5.0");
        assertThat(registry.digest(TestBed.FRONTEND, "1.5.0")).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void registryDigestMatchesTheDigestTheHostRecordedWhenPushing() {
        TestBed.requireDocker();
        String fromRegistry = RegistryClient.open(TestBed.REGISTRY, null, null).digest(TestBed.FRONTEND, "1.5.0");

        try (DockerConnection docker = DockerConnection.connect()) {
            assertThat(docker.inspectImage(TestBed.REGISTRY + "/" + TestBed.FRONTEND_FIXED).digest())
                .isEqualTo(fromRegistry);
        }
    }

    @Test
    void wrongPasswordIsRefusedWithoutShowingIt() throws Exception {
        TestBed.requireDocker();
        Path wrong = Files.writeString(temp.resolve("password"), "not-the-password-4711\n");
        RegistryClient registry = RegistryClient.open("https://" + TestBed.AUTH_REGISTRY,
            RegistryCredentials.withPasswordFile(RegistryLogin.USER, wrong), AUTH_CA);

        DockerException failure = catchThrowableOfType(DockerException.class, () -> registry.tags(TestBed.FRONTEND));

        assertThat(failure.reason()).isEqualTo(DockerException.Reason.REGISTRY_REFUSED);
        assertThat(failure).hasMessage("Registry " + TestBed.AUTH_REGISTRY
            + " refused the credentials (HTTP 401); check the user name and password.");
        assertThat(failure.toString()).doesNotContain("not-the-password-4711");
    }

    @Test
    void missingCredentialsAreAskedFor() {
        TestBed.requireDocker();
        RegistryClient registry = RegistryClient.open("https://" + TestBed.AUTH_REGISTRY, null, AUTH_CA);

        DockerException failure = catchThrowableOfType(DockerException.class, () -> registry.tags(TestBed.FRONTEND));

        assertThat(failure.reason()).isEqualTo(DockerException.Reason.LOGIN_REQUIRED);
        assertThat(failure).hasMessage("Registry " + TestBed.AUTH_REGISTRY
            + " asks for a user name and password; give them with --username and --password-file.");
    }

    @Test
    void aBareLoopbackAddressOfATlsOnlyRegistryIsTriedOverHttpsAfterItsPlainHttpRefusal() {
        TestBed.requireDocker();
        RegistryClient untrusted = RegistryClient.open(TestBed.AUTH_REGISTRY, null, null);

        DockerException failure = catchThrowableOfType(DockerException.class, () -> untrusted.tags(TestBed.FRONTEND));

        assertThat(failure.reason()).isEqualTo(DockerException.Reason.TLS_FAILED);
        assertThat(RegistryClient.open(TestBed.REGISTRY, null, null).tags(TestBed.FRONTEND)).contains("1.5.0");
    }

    @Test
    void unknownRepositoryIsNotFound() {
        TestBed.requireDocker();
        RegistryClient registry = RegistryClient.open(TestBed.REGISTRY, null, null);

        DockerException failure = catchThrowableOfType(DockerException.class,
            () -> registry.tags("medivendor/no-such-image"));

        assertThat(failure.reason()).isEqualTo(DockerException.Reason.NOT_FOUND);
        assertThat(failure).hasMessage("Registry " + TestBed.REGISTRY
            + " has no repository medivendor/no-such-image (HTTP 404); check the repository and tag.");
    }

    @Test
    void registryWithoutTrustedCaFailsTheHandshake() {
        TestBed.requireDocker();
        RegistryClient registry = RegistryClient.open("https://" + TestBed.AUTH_REGISTRY, null, null);

        DockerException failure = catchThrowableOfType(DockerException.class, () -> registry.tags(TestBed.FRONTEND));

        assertThat(failure.reason()).isEqualTo(DockerException.Reason.TLS_FAILED);
        assertThat(failure).hasMessage("The TLS handshake with registry " + TestBed.AUTH_REGISTRY
            + " failed; give the registry's CA certificate with --ca-file.");
    }

    @Test
    void closedPortIsUnreachable() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        RegistryClient registry = RegistryClient.open("127.0.0.1:" + port, null, null);

        DockerException failure = catchThrowableOfType(DockerException.class, () -> registry.tags("any/thing"));

        assertThat(failure.reason()).isEqualTo(DockerException.Reason.UNREACHABLE);
        assertThat(failure).hasMessage("No registry answers at http://127.0.0.1:" + port
            + "/; check that it is running and the address is right.");
    }
}

package dev.vetbench.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.testbed.TestBed;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Listing the fixture versions the test bed built on the host. */
class HostImagesTest {

    @Test
    void hostListsEveryFixtureVersionWithDigestSizeAndCreationTime() {
        TestBed.requireDocker();

        try (DockerConnection docker = DockerConnection.connect()) {
            List<ImageVersion> frontEnds = docker.images(TestBed.FRONTEND);
            List<ImageVersion> databases = docker.images(TestBed.RECORDS_DB);

            assertThat(frontEnds).extracting(ImageVersion::reference)
                .contains(TestBed.FRONTEND_FLAWED, TestBed.FRONTEND_FIXED);
            assertThat(databases).extracting(ImageVersion::reference)
                .contains(TestBed.RECORDS_DB_NO_VOLUME, TestBed.RECORDS_DB_VOLUME);
            assertThat(frontEnds).allSatisfy(version -> {
                assertThat(version.repository()).isEqualTo(TestBed.FRONTEND);
                assertThat(version.digest()).matches("sha256:[0-9a-f]{64}");
                assertThat(version.imageId()).matches("sha256:[0-9a-f]{64}");
                assertThat(version.sizeBytes()).isGreaterThan(10_000_000);
                assertThat(version.created()).isBefore(Instant.now());
            });
        }
    }

    @Test
    void listingWithoutARepositoryIncludesRegistryTags() {
        TestBed.requireDocker();

        try (DockerConnection docker = DockerConnection.connect()) {
            assertThat(docker.images(null)).extracting(ImageVersion::repository)
                .contains(TestBed.FRONTEND, TestBed.REGISTRY + "/" + TestBed.FRONTEND)
                .doesNotContain("<none>");
        }
    }

    @Test
    void inspectingAnImageReadsItsDeclaredVolumes() {
        TestBed.requireDocker();

        try (DockerConnection docker = DockerConnection.connect()) {
            assertThat(docker.inspectImage(TestBed.RECORDS_DB_VOLUME).declaredVolumes()).containsExactly("/var/db");
            assertThat(docker.inspectImage(TestBed.RECORDS_DB_NO_VOLUME).declaredVolumes()).isEmpty();
            assertThat(docker.inspectImage(TestBed.FRONTEND_FIXED).exposedPorts()).contains("443/tcp", "80/tcp");
        }
    }
}

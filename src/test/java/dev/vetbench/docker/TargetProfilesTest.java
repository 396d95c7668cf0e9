package dev.vetbench.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in profiles, and the assessor's own saved beside them. */
class TargetProfilesTest {

    @TempDir
    Path directory;

    @Test
    void builtInFrontEndPublishesTlsAndPlainPortsAndNamesItsProxySwitch() {
        TargetProfile profile = TargetProfiles.builtIn("nginx-tls-frontend");

        assertThat(profile.ports()).containsExactly(443, 80);
        assertThat(profile.readiness()).isEqualTo(Readiness.tcp(443));
        assertThat(profile.proxyProtocolSwitch()).isEqualTo(new EnvSwitch("PROXY_PROTOCOL", "true"));
        assertThat(profile.proxyProtocolOn()).isFalse();
        assertThat(profile.withProxyProtocol().proxyProtocolOn()).isTrue();
        assertThat(TargetProfiles.builtIn("nginx-tls-frontend-proxy").proxyProtocolOn()).isTrue();
    }

    @Test
    void builtInDatabaseInitialisesOnFirstStartAndNamesItsDataDirectory() {
        TargetProfile profile = TargetProfiles.builtIn("postgres-database");

        assertThat(profile.effectiveCommand()).containsExactly("--initialize");
        assertThat(profile.withoutInit().effectiveCommand()).isEmpty();
        assertThat(profile.dataDirectories()).containsExactly("/var/db");
        assertThat(profile.environment()).containsEntry("DATA_DIRECTORY", "/var/db");
        assertThat(profile.deadline()).isEqualTo(Duration.ofSeconds(90));
        assertThat(profile.proxyProtocolSwitch()).isNull();
    }

    @Test
    void savedProfileIsReadBackAndListedWithTheBuiltInOnes() {
        TargetProfiles profiles = new TargetProfiles(directory);
        TargetProfile mine = TargetProfiles.builtIn("postgres-database").withName("records-db-encrypted")
            .withVolumes(List.of(VolumeSpec.bind("/srv/encrypted", "/var/db", false)))
            .withEnvironment("USERNAME", "auditor");

        profiles.save(mine);

        assertThat(profiles.find("records-db-encrypted")).contains(mine);
        assertThat(profiles.names()).containsExactly("nginx-tls-frontend", "nginx-tls-frontend-proxy",
            "postgres-database", "records-db-encrypted");
    }

    @Test
    void savedProfileWithABuiltInNameTakesItsPlace() {
        TargetProfiles profiles = new TargetProfiles(directory);
        TargetProfile changed = TargetProfiles.builtIn("nginx-tls-frontend").withDeadline(Duration.ofSeconds(5));

        profiles.save(changed);

        assertThat(profiles.find("nginx-tls-frontend")).contains(changed);
        assertThat(profiles.find("no-such-profile")).isEmpty();
    }

    @Test
    void readinessPortMustBePublished() {
        assertThatThrownBy(() -> TargetProfiles.builtIn("nginx-tls-frontend").withReadiness(Readiness.tcp(8443)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("the readiness port 8443 must be one of the published ports [443, 80]");
    }

    @Test
    void profileSurvivesJsonRoundTrip() {
        TargetProfile profile = TargetProfiles.builtIn("nginx-tls-frontend-proxy");

        assertThat(TargetProfiles.fromJson(TargetProfiles.toJson(profile))).isEqualTo(profile);
    }

    @Test
    void volumeSpecsAreReadFromTheCommandLineForm() {
        assertThat(VolumeSpec.parse("none:/var/db")).isEqualTo(VolumeSpec.none("/var/db"));
        assertThat(VolumeSpec.parse("volume:/var/db")).isEqualTo(VolumeSpec.freshVolume("/var/db"));
        assertThat(VolumeSpec.parse("volume:records:/var/db")).isEqualTo(VolumeSpec.namedVolume("records", "/var/db"));
        assertThat(VolumeSpec.parse("bind:/srv/x:/var/db:ro")).isEqualTo(VolumeSpec.bind("/srv/x", "/var/db", true));
        assertThatThrownBy(() -> VolumeSpec.parse("tmpfs:/var/db")).isInstanceOf(DockerException.class)
            .hasMessageStartingWith("The volume 'tmpfs:/var/db' is not understood");
    }

    @Test
    void imageReferencesAreSplitAsTheDockerCliSplitsThem() {
        assertThat(ImageRef.parse("127.0.0.1:5055/medivendor/frontend:1.5.0"))
            .isEqualTo(new ImageRef("127.0.0.1:5055", "medivendor/frontend", "1.5.0"));
        assertThat(ImageRef.parse("medivendor/frontend")).isEqualTo(new ImageRef("", "medivendor/frontend", "latest"));
        assertThat(ImageRef.parse("localhost/app:2").registry()).isEqualTo("localhost");
        assertThat(ImageRef.parse("127.0.0.1:5055/medivendor/frontend:1.5.0").name())
            .isEqualTo("127.0.0.1:5055/medivendor/frontend");
    }
}

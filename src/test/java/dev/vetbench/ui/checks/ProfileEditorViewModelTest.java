package dev.vetbench.ui.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.docker.TargetProfile;
import dev.vetbench.docker.TargetProfiles;
import dev.vetbench.docker.VolumeSpec;
import dev.vetbench.ui.checks.ProfileEditorViewModel.Field;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The profile editor's fields and validation, without the FX toolkit. */
class ProfileEditorViewModelTest {

    private static final String NAME = "version-vetbench_frontend_1.4.2";

    @Test
    void theEditorStartsFromTheBuiltInProfileAndBuildsItBackUnderTheVersionsName() {
        TargetProfile builtIn = TargetProfiles.builtIn("nginx-tls-frontend");
        ProfileEditorViewModel editor = new ProfileEditorViewModel(builtIn, NAME);

        TargetProfile built = editor.build().orElseThrow();

        assertThat(editor.portsProperty().get()).isEqualTo("443, 80");
        assertThat(editor.readinessPortProperty().get()).isEqualTo("443");
        assertThat(editor.deadlineProperty().get()).isEqualTo("60");
        assertThat(built).isEqualTo(builtIn.withName(NAME));
    }

    @Test
    void everyFieldTypedTurnsIntoTheProfile() {
        ProfileEditorViewModel editor = new ProfileEditorViewModel(TargetProfiles.builtIn("postgres-database"), NAME);
        editor.environmentProperty().set("PASSPHRASE=s3cret\nUSERNAME=auditor");
        editor.commandProperty().set("postgres -c ssl=on");
        editor.portsProperty().set("5432,8080");
        editor.volumesProperty().set("volume:/var/db\nbind:/srv/certs:/certs:ro");
        editor.dataDirectoriesProperty().set("/var/db");
        editor.readinessPortProperty().set("");
        editor.readinessLogProperty().set("ready to accept connections");
        editor.deadlineProperty().set("90");

        TargetProfile built = editor.build().orElseThrow();

        assertThat(built.environment()).containsEntry("PASSPHRASE", "s3cret").containsEntry("USERNAME", "auditor");
        assertThat(built.command()).containsExactly("postgres", "-c", "ssl=on");
        assertThat(built.initArguments()).isEmpty();
        assertThat(built.ports()).containsExactly(5432, 8080);
        assertThat(built.volumes()).containsExactly(VolumeSpec.freshVolume("/var/db"),
            VolumeSpec.bind("/srv/certs", "/certs", true));
        assertThat(built.readiness().tcpPort()).isNull();
        assertThat(built.readiness().logPattern()).isEqualTo("ready to accept connections");
        assertThat(built.deadline()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void theProxyProtocolSwitchSetsAndResetsItsVariable() {
        ProfileEditorViewModel editor = new ProfileEditorViewModel(TargetProfiles.builtIn("nginx-tls-frontend"), NAME);

        editor.proxyProtocolProperty().set(true);
        TargetProfile on = editor.build().orElseThrow();
        editor.environmentProperty().set("FORCE_SSL=true\nPROXY_PROTOCOL=true");
        editor.proxyProtocolProperty().set(false);
        TargetProfile off = editor.build().orElseThrow();

        assertThat(editor.hasProxyProtocolSwitch()).isTrue();
        assertThat(on.proxyProtocolOn()).isTrue();
        assertThat(off.proxyProtocolOn()).isFalse();
        assertThat(off.environment()).containsEntry("PROXY_PROTOCOL", "false");
    }

    @Test
    void wrongFieldsGiveOneSentenceEachAndKeepWhatWasTyped() {
        ProfileEditorViewModel editor = new ProfileEditorViewModel(TargetProfiles.builtIn("nginx-tls-frontend"), NAME);
        editor.portsProperty().set("443, https");
        editor.volumesProperty().set("tmpfs:/var/db");
        editor.deadlineProperty().set("soon");
        editor.environmentProperty().set("FORCE_SSL");

        assertThat(editor.build()).isEmpty();

        assertThat(editor.errorProperty(Field.PORTS).get()).isEqualTo("Give container ports as numbers from 1 to "
            + "65535 separated by commas; 'https' is not one.");
        assertThat(editor.errorProperty(Field.VOLUMES).get()).startsWith("The volume 'tmpfs:/var/db' is not "
            + "understood;");
        assertThat(editor.errorProperty(Field.DEADLINE).get()).endsWith("seconds from 1 to 9999.");
        assertThat(editor.errorProperty(Field.ENVIRONMENT).get()).contains("NAME=value");
        assertThat(editor.errorProperty(Field.READINESS_PORT).get()).isEmpty();
        assertThat(editor.portsProperty().get()).isEqualTo("443, https");
        assertThat(editor.volumesProperty().get()).isEqualTo("tmpfs:/var/db");
    }

    @Test
    void theReadinessPortMustBeAPublishedPort() {
        ProfileEditorViewModel editor = new ProfileEditorViewModel(TargetProfiles.builtIn("nginx-tls-frontend"), NAME);
        editor.portsProperty().set("80");

        assertThat(editor.build()).isEmpty();
        assertThat(editor.errorProperty(Field.READINESS_PORT).get()).startsWith("The readiness port must be one of");

        editor.readinessPortProperty().set("80");
        assertThat(editor.build()).isPresent();
        assertThat(editor.errorProperty(Field.READINESS_PORT).get()).isEmpty();
    }
}

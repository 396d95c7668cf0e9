package dev.vetbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.testbed.RegistryLogin;
import dev.vetbench.testbed.TestBed;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vetbench info}, {@code images} and {@code pull} against the real test bed, in-process. */
class DockerCommandsTest {

    static final Path AUTH_PASSWORD = RegistryLogin.PASSWORD_FILE;
    static final Path AUTH_CA = RegistryLogin.CA_FILE;

    @TempDir
    Path temp;

    @Test
    void infoShowsTheEngine() {
        TestBed.requireDocker();

        CommandRun run = CommandRun.of("info");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Host:             unix:///var/run/docker.sock")
            .containsPattern("Engine:           Docker \\d+\\.\\d+.* \\(API 1\\.\\d+\\)")
            .contains("Storage driver:   ").contains("Cgroup version:   ");
    }

    @Test
    void infoWithHostOptionBeforeOrAfterTheSubcommand() {
        TestBed.requireDocker();

        assertThat(CommandRun.of("--host", "unix:///var/run/docker.sock", "info", "--json").out())
            .contains("\"hostOrigin\" : \"--host\"").contains("\"storageDriver\"");
        assertThat(CommandRun.of("info", "--host", "unix:///var/run/docker.sock").out())
            .contains("unix:///var/run/docker.sock (--host)");
    }

    @Test
    void infoOnAnUnreachableHostExitsTwoWithOneSentence() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }

        CommandRun run = CommandRun.of("info", "--host", "tcp://127.0.0.1:" + port);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("vetbench: No Docker engine answers at tcp://127.0.0.1:" + port
            + "; check that the engine is running and the address is right." + System.lineSeparator());
    }

    @Test
    void imagesListsTheFixtureVersionsOnTheHost() {
        TestBed.requireDocker();

        CommandRun run = CommandRun.of("images", TestBed.FRONTEND);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().findFirst()).hasValueSatisfying(header ->
            assertThat(header).startsWith("REPOSITORY").contains("TAG", "DIGEST", "SIZE", "CREATED"));
        assertThat(run.out()).containsPattern("medivendor/frontend\\s+1\\.4\\.2\\s+sha256:[0-9a-f]{12}")
            .containsPattern("medivendor/frontend\\s+1\\.5\\.0\\s+sha256:[0-9a-f]{12}");
    }

    @Test
    void imagesFromTheOpenRegistryAsJson() {
        TestBed.requireDocker();

        CommandRun run = CommandRun.of("images", TestBed.RECORDS_DB, "--registry", TestBed.REGISTRY, "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"repository\" : \"" + TestBed.REGISTRY + "/medivendor/records-db\"")
            .contains("\"tag\" : \"3.1.0\"").contains("\"tag\" : \"3.2.0\"").containsPattern("\"digest\" : "
                + "\"sha256:[0-9a-f]{64}\"");
    }

    @Test
    void imagesFromTheAuthenticatedRegistry() {
        TestBed.requireDocker();

        CommandRun run = CommandRun.of("images", "--registry", "https://" + TestBed.AUTH_REGISTRY, "--username",
            RegistryLogin.USER, "--password-file", AUTH_PASSWORD.toString(), "--ca-file", AUTH_CA.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(TestBed.AUTH_REGISTRY + "/medivendor/frontend").contains("1.5.0");
    }

    @Test
    void refusedRegistryExitsTwoWithoutShowingThePassword() throws Exception {
        TestBed.requireDocker();
        Path wrong = Files.writeString(temp.resolve("password"), "hunter2-wrong\n");

        CommandRun run = CommandRun.of("images", "--registry", "https://" + TestBed.AUTH_REGISTRY, "--username",
            RegistryLogin.USER, "--password-file", wrong.toString(), "--ca-file", AUTH_CA.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("vetbench: Registry " + TestBed.AUTH_REGISTRY + " refused the credentials "
            + "(HTTP 401); check the user name and password." + System.lineSeparator());
        assertThat(run.out() + run.err()).doesNotContain("hunter2-wrong");
    }

    @Test
    void pullShowsProgressOnStderrAndTheDigestOnStdout() {
        TestBed.requireDocker();

        CommandRun run = CommandRun.of("pull", TestBed.REGISTRY + "/" + TestBed.FRONTEND_FIXED);

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("1.5.0: Pulling from medivendor/frontend");
        assertThat(run.out()).matches("Pulled 127\\.0\\.0\\.1:\\d+/medivendor/frontend:1\\.5\\.0 "
            + "\\(sha256:[0-9a-f]{64}\\)\\R");
    }

    @Test
    void pullOfAMissingTagExitsTwo() {
        TestBed.requireDocker();

        CommandRun run = CommandRun.of("pull", TestBed.REGISTRY + "/medivendor/frontend:0.0.1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("vetbench: Image " + TestBed.REGISTRY + "/medivendor/frontend:0.0.1 was not "
            + "found in registry " + TestBed.REGISTRY + "; check the repository and tag." + System.lineSeparator());
    }

    @Test
    void passwordFileWithoutUserNameIsAUsageError() {
        CommandRun run = CommandRun.of("images", "--registry", TestBed.REGISTRY, "--password-file", "/nonexistent");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Give both --username and --password-file");
    }
}

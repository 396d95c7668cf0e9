package dev.vetbench.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vetbench.testbed.TestBed;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Targets that cannot start each fail with one sentence, their last log lines, and nothing left behind. */
class TargetFailuresTest {

    private static DockerConnection docker;

    @BeforeAll
    static void connect() {
        TestBed.requireDocker();
        docker = DockerConnection.connect();
    }

    @AfterAll
    static void disconnect() {
        if (docker != null) {
            docker.close();
        }
    }

    @Test
    void containerThatExitsAtStartReportsItsLastLogLines() {
        // Without --initialize and with an empty data directory the database exits 1 at once.
        TargetProfile profile = TargetProfiles.builtIn("postgres-database").withName("failure-test-exits")
            .withoutInit();

        DockerException failure = catchThrowableOfType(DockerException.class,
            () -> docker.launcher().start(TestBed.RECORDS_DB_NO_VOLUME, profile));

        assertThat(failure.reason()).isEqualTo(DockerException.Reason.TARGET_EXITED);
        assertThat(failure).hasMessage("The container from medivendor/records-db:3.1.0 exited with code 1 before it "
            + "became ready; its last log lines follow.");
        assertThat(failure.logTail()).anyMatch(line -> line.contains("/var/db holds no database"));
        assertThat(Leftovers.containersOfProfile(docker, "failure-test-exits")).isEmpty();
    }

    @Test
    void containerThatNeverBecomesReadyIsRemovedAtTheDeadline() {
        // Nothing listens on 8443 in the front end, so the port never holds a connection.
        TargetProfile profile = new TargetProfile("failure-test-never-ready", "", null, null, null, List.of(8443),
            null, Readiness.tcp(8443), Duration.ofSeconds(3), null, null);
        long start = System.nanoTime();

        DockerException failure = catchThrowableOfType(DockerException.class,
            () -> docker.launcher().start(TestBed.FRONTEND_FIXED, profile));

        assertThat(failure.reason()).isEqualTo(DockerException.Reason.TARGET_NOT_READY);
        assertThat(failure).hasMessage("The container from medivendor/frontend:1.5.0 did not become ready within 3 s "
            + "(waiting for port 8443 accepting connections); its last log lines follow.");
        assertThat(failure.logTail()).anyMatch(line -> line.contains("MediVendor front end 1.5.0"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        assertThat(Leftovers.containersOfProfile(docker, "failure-test-never-ready")).isEmpty();
    }

    @Test
    void logLineThatNeverAppearsCountsAsNotReady() {
        TargetProfile profile = TargetProfiles.builtIn("nginx-tls-frontend").withName("failure-test-no-line")
            .withReadiness(Readiness.logLine("this line never comes")).withDeadline(Duration.ofMillis(2500));

        DockerException failure = catchThrowableOfType(DockerException.class,
            () -> docker.launcher().start(TestBed.FRONTEND_FIXED, profile));

        assertThat(failure).hasMessage("The container from medivendor/frontend:1.5.0 did not become ready within 2.5 s "
            + "(waiting for a log line matching /this line never comes/); its last log lines follow.");
        assertThat(Leftovers.containersOfProfile(docker, "failure-test-no-line")).isEmpty();
    }

    @Test
    void imageThatIsNotOnTheHostIsNamed() {
        TargetProfile profile = TargetProfiles.builtIn("nginx-tls-frontend").withName("failure-test-no-image");

        DockerException failure = catchThrowableOfType(DockerException.class,
            () -> docker.launcher().start("medivendor/frontend:9.9.9", profile));

        assertThat(failure.reason()).isEqualTo(DockerException.Reason.NOT_FOUND);
        assertThat(failure).hasMessage("Image medivendor/frontend:9.9.9 is not on the Docker host; pull it first or "
            + "check the repository and tag.");
        assertThat(Leftovers.containersOfProfile(docker, "failure-test-no-image")).isEmpty();
    }

    @Test
    void cancellingWhileWaitingRemovesTheContainer() throws Exception {
        TargetProfile profile = TargetProfiles.builtIn("nginx-tls-frontend").withName("failure-test-cancel")
            .withReadiness(Readiness.logLine("this line never comes"));
        CancellationToken cancel = new CancellationToken();
        CompletableFuture.delayedExecutor(1500, TimeUnit.MILLISECONDS).execute(cancel::cancel);

        DockerException failure = catchThrowableOfType(DockerException.class,
            () -> docker.launcher().start(TestBed.FRONTEND_FIXED, profile, ProgressListener.NONE, cancel));

        assertThat(failure.reason()).isEqualTo(DockerException.Reason.CANCELLED);
        assertThat(failure).hasMessage("Starting medivendor/frontend:1.5.0 was cancelled.");
        assertThat(Leftovers.containersOfProfile(docker, "failure-test-cancel")).isEmpty();
    }
}

package dev.vetbench.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.testbed.TestBed;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Starting the fixture versions with the built-in profiles on the real engine. */
class TargetLauncherTest {

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

    @ParameterizedTest
    @ValueSource(strings = {TestBed.FRONTEND_FLAWED, TestBed.FRONTEND_FIXED})
    void frontEndServesHelloWorldOverHttpsAndLogsTheRequest(String image) throws Exception {
        TargetProfile profile = TargetProfiles.builtIn("nginx-tls-frontend").withName("launcher-test-frontend");

        try (RunningTarget target = docker.launcher().start(image, profile)) {
            String body = TargetProbes.httpsGet(target.endpoint(443));

            assertThat(body).isEqualTo("Hello World!");
            assertThat(target.awaitLogLine(Pattern.compile("\"GET / HTTP/1\\.1\" 200"), Duration.ofSeconds(5),
                CancellationToken.none())).isPresent();
            assertThat(target.logTail(50)).anyMatch(line -> line.contains("MediVendor front end"));
            assertThat(target.imageDigest()).startsWith("sha256:");
            assertThat(target.endpoint(443).host()).isEqualTo("127.0.0.1");
            assertThat(target.endpoints()).containsOnlyKeys(443, 80);
        }
        assertThat(Leftovers.containersOfProfile(docker, "launcher-test-frontend")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {TestBed.RECORDS_DB_NO_VOLUME, TestBed.RECORDS_DB_VOLUME})
    void databaseCompletesTlsHandshakeAfterSslRequest(String image) throws Exception {
        TargetProfile profile = TargetProfiles.builtIn("postgres-database").withName("launcher-test-database");

        try (RunningTarget target = docker.launcher().start(image, profile)) {
            SSLSession session = TargetProbes.postgresTlsSession(target.endpoint(5432));

            assertThat(session.getProtocol()).startsWith("TLSv1.");
            assertThat(session.getPeerCertificates()).isNotEmpty();
            assertThat(target.logs()).anyMatch(line -> line.contains("ready to accept connections"));
        }
        assertThat(Leftovers.containersOfProfile(docker, "launcher-test-database")).isEmpty();
    }

    @Test
    void declaredVolumeAndFreshNamedVolumeShowAsMountsAndGoAwayWithTheTarget() {
        TargetProfile profile = TargetProfiles.builtIn("postgres-database").withName("launcher-test-volumes")
            .withVolumes(List.of(VolumeSpec.freshVolume("/var/db")));
        String volume;

        try (RunningTarget target = docker.launcher().start(TestBed.RECORDS_DB_VOLUME, profile)) {
            List<MountInfo> mounts = target.mounts();

            assertThat(target.imageDetails().declaredVolumes()).containsExactly("/var/db");
            assertThat(mounts).singleElement().satisfies(mount -> {
                assertThat(mount.destination()).isEqualTo("/var/db");
                assertThat(mount.type()).isEqualTo("volume");
                assertThat(mount.name()).startsWith("vetbench-");
                assertThat(mount.readWrite()).isTrue();
            });
            volume = mounts.get(0).name();
            assertThat(Leftovers.volumeExists(docker, volume)).isTrue();
        }
        assertThat(Leftovers.volumeExists(docker, volume)).isFalse();
    }

    @Test
    void followedLogDeliversLinesAsTheyAreWritten() throws Exception {
        TargetProfile profile = TargetProfiles.builtIn("nginx-tls-frontend").withName("launcher-test-follow");

        try (RunningTarget target = docker.launcher().start(TestBed.FRONTEND_FIXED, profile)) {
            List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (LogSubscription follow = target.followLogs(seen::add)) {
                TargetProbes.httpsGet(target.endpoint(443));
                long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (seen.stream().noneMatch(line -> line.contains("GET / ")) && System.nanoTime() < end) {
                    Thread.sleep(50);
                }
            }
            assertThat(seen).anyMatch(line -> line.contains("\"GET / HTTP/1.1\" 200"));
            assertThat(target.isRunning()).isTrue();
        }
    }

    @Test
    void progressIsReportedStepByStep() {
        TargetProfile profile = TargetProfiles.builtIn("nginx-tls-frontend").withName("launcher-test-progress");
        List<String> steps = new java.util.ArrayList<>();

        try (RunningTarget target = docker.launcher().start(TestBed.FRONTEND_FIXED, profile, steps::add,
                CancellationToken.none())) {
            assertThat(target.isRunning()).isTrue();
        }

        assertThat(steps).hasSize(4);
        assertThat(steps.get(0)).startsWith("Creating container vetbench-launcher-test-progress-");
        assertThat(steps.get(2)).isEqualTo("Waiting for port 443 accepting connections");
    }

    @Test
    void attachingToARunningContainerLeavesItRunningOnClose() throws Exception {
        TargetProfile profile = TargetProfiles.builtIn("nginx-tls-frontend").withName("launcher-test-attach");

        try (RunningTarget started = docker.launcher().start(TestBed.FRONTEND_FIXED, profile)) {
            try (RunningTarget attached = docker.launcher().attach(started.name())) {
                assertThat(attached.isOwned()).isFalse();
                assertThat(attached.endpoint(443)).isEqualTo(started.endpoint(443));
                assertThat(attached.imageDigest()).isEqualTo(started.imageDigest());
                assertThat(TargetProbes.httpsGet(attached.endpoint(443))).isEqualTo("Hello World!");
            }
            assertThat(started.isRunning()).isTrue();
        }
    }
}

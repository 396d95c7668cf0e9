package dev.vetbench.checks.images;

import dev.vetbench.tls.HandshakeOutcome;
import dev.vetbench.tls.HandshakeProbe;
import dev.vetbench.tls.ProbeException;
import dev.vetbench.tls.ProbeLimits;
import dev.vetbench.tls.StartTls;
import dev.vetbench.tls.TlsEndpoint;
import dev.vetbench.tls.TlsVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;

/**
 * A fixture image started with the docker CLI for the TLS check tests, its port published on loopback, removed on
 * close. A stop-gap until the tests can use the docker package's TargetLauncher.
 */
final class FixtureContainer implements AutoCloseable {

    private final String name;
    private final int port;

    private FixtureContainer(String name, int port) {
        this.name = name;
        this.port = port;
    }

    /** Starts {@code image}, publishes {@code containerPort} on 127.0.0.1 and waits until TLS is served there. */
    static FixtureContainer start(String image, int containerPort, StartTls startTls, Map<String, String> env,
            String... command) throws Exception {
        return start(image, containerPort, startTls, env, List.of(), command);
    }

    /** As {@link #start(String, int, StartTls, Map, String...)}, with extra {@code docker run} options. */
    static FixtureContainer start(String image, int containerPort, StartTls startTls, Map<String, String> env,
            List<String> runOptions, String... command) throws Exception {
        String name = "vetbench-checks-test-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> run = new ArrayList<>(List.of("docker", "run", "-d", "--name", name,
            "--label", "dev.vetbench.test=checks", "-p", "127.0.0.1::" + containerPort));
        env.forEach((key, value) -> run.addAll(List.of("-e", key + "=" + value)));
        run.addAll(runOptions);
        run.add(image);
        run.addAll(List.of(command));
        docker(run);
        FixtureContainer container = null;
        try {
            String mapped = docker(List.of("docker", "port", name, containerPort + "/tcp")).lines().findFirst()
                .orElseThrow();
            container = new FixtureContainer(name, Integer.parseInt(mapped.substring(mapped.lastIndexOf(':') + 1)));
            container.awaitTls(startTls, Duration.ofSeconds(90));
            return container;
        } catch (Exception | AssertionError e) {
            if (container == null) {
                remove(name);
            } else {
                container.close();
            }
            throw e;
        }
    }

    int port() {
        return port;
    }

    private void awaitTls(StartTls startTls, Duration timeout) throws Exception {
        Instant end = Instant.now().plus(timeout);
        TlsEndpoint endpoint = new TlsEndpoint("127.0.0.1", port, startTls);
        while (Instant.now().isBefore(end)) {
            try {
                HandshakeOutcome outcome = HandshakeProbe.handshake(endpoint, List.of(TlsVersion.values()), false,
                    ProbeLimits.within(Duration.ofSeconds(5)));
                if (outcome.status() == HandshakeOutcome.Status.COMPLETED) {
                    return;
                }
            } catch (ProbeException notYet) {
                // The container is still starting.
            }
            Thread.sleep(250);
        }
        Assertions.fail(name + " did not serve TLS within " + timeout + "; logs:\n"
            + docker(List.of("docker", "logs", "--tail", "30", name)));
    }

    private static String docker(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            Assertions.fail(String.join(" ", command) + " failed: " + output);
        }
        return output.trim();
    }

    private static void remove(String name) {
        try {
            new ProcessBuilder("docker", "rm", "-f", "-v", name).redirectErrorStream(true).start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("could not remove container " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        remove(name);
    }
}

package dev.vetbench.docker;

import dev.vetbench.testbed.TestBed;

/**
 * Started in a child JVM by {@link LeftoverRemovalTest}: starts one target, prints its container id, and waits to
 * be killed, as a crashed Vetbench would leave its containers behind.
 */
public final class LeftoverOwnerMain {

    private LeftoverOwnerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        DockerConnection docker = DockerConnection.connect();
        TargetProfile profile = TargetProfiles.builtIn("nginx-tls-frontend").withName(args[0]);
        RunningTarget target = docker.launcher().start(TestBed.FRONTEND_FIXED, profile);
        System.out.println("STARTED " + target.containerId());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

package dev.vetbench.docker;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to start an image version as a target: environment, command, init step, ports, volumes, readiness and
 * deadline, plus what later checks need to know about the image.
 *
 * @param name the profile name, e.g. {@code nginx-tls-frontend}
 * @param description one line for people
 * @param environment variables set in the container
 * @param command the container command (arguments to the entrypoint); empty keeps the image's default
 * @param initArguments appended to the command when the target starts for the first time, e.g.
 *     {@code --initialize} for a database that must set up its data directory
 * @param ports container TCP ports to publish on 127.0.0.1 with random host ports
 * @param volumes how paths in the container are backed
 * @param readiness how to tell the target is ready
 * @param deadline how long the target may take to become ready
 * @param proxyProtocolSwitch the environment variable that turns PROXY protocol on, or {@code null}
 * @param dataDirectories paths where the image keeps data that must be encrypted at rest
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetProfile(
        String name,
        String description,
        Map<String, String> environment,
        List<String> command,
        List<String> initArguments,
        List<Integer> ports,
        List<VolumeSpec> volumes,
        Readiness readiness,
        Duration deadline,
        EnvSwitch proxyProtocolSwitch,
        List<String> dataDirectories) {

    /** The deadline when a profile gives none. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);

    public TargetProfile {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("a profile name uses letters, digits, '.', '_' and '-' only");
        }
        description = description == null ? "" : description;
        environment = Collections.unmodifiableMap(environment == null ? Map.of() : new LinkedHashMap<>(environment));
        command = command == null ? List.of() : List.copyOf(command);
        initArguments = initArguments == null ? List.of() : List.copyOf(initArguments);
        ports = ports == null ? List.of() : List.copyOf(ports);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        readiness = readiness == null ? Readiness.running() : readiness;
        deadline = deadline == null ? DEFAULT_DEADLINE : deadline;
        dataDirectories = dataDirectories == null ? List.of() : List.copyOf(dataDirectories);
        if (readiness.tcpPort() != null && !ports.contains(readiness.tcpPort())) {
            throw new IllegalArgumentException("the readiness port " + readiness.tcpPort() + " must be one of the "
                + "published ports " + ports);
        }
    }

    /** A copy with another name. */
    public TargetProfile withName(String newName) {
        return new TargetProfile(newName, description, environment, command, initArguments, ports, volumes,
            readiness, deadline, proxyProtocolSwitch, dataDirectories);
    }

    /** A copy with one environment variable set (or replaced). */
    public TargetProfile withEnvironment(String variable, String value) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put(variable, value);
        return new TargetProfile(name, description, env, command, initArguments, ports, volumes, readiness,
            deadline, proxyProtocolSwitch, dataDirectories);
    }

    /** A copy with these volumes instead. */
    public TargetProfile withVolumes(List<VolumeSpec> newVolumes) {
        return new TargetProfile(name, description, environment, command, initArguments, ports, newVolumes,
            readiness, deadline, proxyProtocolSwitch, dataDirectories);
    }

    /** A copy with another deadline. */
    public TargetProfile withDeadline(Duration newDeadline) {
        return new TargetProfile(name, description, environment, command, initArguments, ports, volumes,
            readiness, newDeadline, proxyProtocolSwitch, dataDirectories);
    }

    /** A copy with another readiness rule. */
    public TargetProfile withReadiness(Readiness newReadiness) {
        return new TargetProfile(name, description, environment, command, initArguments, ports, volumes,
            newReadiness, deadline, proxyProtocolSwitch, dataDirectories);
    }

    /** A copy with another command (and no init step). */
    public TargetProfile withCommand(List<String> newCommand) {
        return new TargetProfile(name, description, environment, newCommand, List.of(), ports, volumes,
            readiness, deadline, proxyProtocolSwitch, dataDirectories);
    }

    /** A copy that skips the init step, e.g. for a data directory that is already initialised. */
    public TargetProfile withoutInit() {
        return new TargetProfile(name, description, environment, command, List.of(), ports, volumes, readiness,
            deadline, proxyProtocolSwitch, dataDirectories);
    }

    /**
     * A copy with the PROXY-protocol switch turned on.
     *
     * @throws IllegalStateException when the profile has no such switch
     */
    public TargetProfile withProxyProtocol() {
        if (proxyProtocolSwitch == null) {
            throw new IllegalStateException("profile " + name + " has no PROXY-protocol switch");
        }
        return withEnvironment(proxyProtocolSwitch.name(), proxyProtocolSwitch.value());
    }

    /** Whether the PROXY-protocol switch is on in this profile's environment. */
    public boolean proxyProtocolOn() {
        return proxyProtocolSwitch != null
            && proxyProtocolSwitch.value().equals(environment.get(proxyProtocolSwitch.name()));
    }

    /** The command the container runs: {@link #command()} followed by {@link #initArguments()}. */
    public List<String> effectiveCommand() {
        List<String> all = new ArrayList<>(command);
        all.addAll(initArguments);
        return all;
    }
}

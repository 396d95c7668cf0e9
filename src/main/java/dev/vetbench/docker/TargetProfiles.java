package dev.vetbench.docker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The built-in target profiles (JSON resources under {@code dev/vetbench/profiles/}) and the assessor's own, saved
 * as JSON files in a directory ({@code ~/.config/vetbench/profiles} by default). A saved profile with the name of a
 * built-in one takes its place.
 */
public final class TargetProfiles {

    /** The names of the profiles that ship with Vetbench. */
    public static final List<String> BUILT_IN = List.of(
        "nginx-tls-frontend", "nginx-tls-frontend-proxy", "postgres-database");

    private static final String RESOURCE_FOLDER = "/dev/vetbench/profiles/";
    private static final ObjectMapper JSON = new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path directory;

    /** Profiles saved in {@code directory}, plus the built-in ones. */
    public TargetProfiles(Path directory) {
        this.directory = directory;
    }

    /** Profiles saved in the default directory, plus the built-in ones. */
    public static TargetProfiles inDefaultDirectory() {
        String configHome = System.getenv("XDG_CONFIG_HOME");
        Path base = configHome == null || configHome.isBlank()
            ? Path.of(System.getProperty("user.home"), ".config") : Path.of(configHome);
        return new TargetProfiles(base.resolve("vetbench").resolve("profiles"));
    }

    /**
     * One of the built-in profiles.
     *
     * @throws IllegalArgumentException when there is no such built-in profile
     */
    public static TargetProfile builtIn(String name) {
        if (!BUILT_IN.contains(name)) {
            throw new IllegalArgumentException("no built-in profile named " + name);
        }
        try (InputStream in = TargetProfiles.class.getResourceAsStream(RESOURCE_FOLDER + name + ".json")) {
            return JSON.readValue(in, TargetProfile.class);
        } catch (IOException e) {
            throw new IllegalStateException("built-in profile " + name + " is broken", e);
        }
    }

    /** The directory where the assessor's profiles are saved. */
    public Path directory() {
        return directory;
    }

    /** The names of every profile, saved and built-in, sorted. */
    public List<String> names() {
        TreeSet<String> names = new TreeSet<>(BUILT_IN);
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                files.map(file -> file.getFileName().toString())
                    .filter(file -> file.endsWith(".json"))
                    .forEach(file -> names.add(file.substring(0, file.length() - ".json".length())));
            } catch (IOException e) {
                throw unreadable(directory, e);
            }
        }
        return new ArrayList<>(names);
    }

    /**
     * The saved profile with this name, else the built-in one.
     *
     * @throws DockerException when a saved profile cannot be read
     */
    public Optional<TargetProfile> find(String name) {
        Path file = directory.resolve(name + ".json");
        if (Files.isRegularFile(file)) {
            try {
                return Optional.of(JSON.readValue(file.toFile(), TargetProfile.class));
            } catch (IOException e) {
                throw unreadable(file, e);
            }
        }
        return BUILT_IN.contains(name) ? Optional.of(builtIn(name)) : Optional.empty();
    }

    /**
     * Saves the profile as {@code NAME.json}, replacing the file atomically so a crash never leaves half a profile.
     *
     * @throws DockerException when the file cannot be written
     */
    public void save(TargetProfile profile) {
        Path file = directory.resolve(profile.name() + ".json");
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, profile.name(), ".tmp");
            Files.writeString(temporary, toJson(profile));
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new DockerException(DockerException.Reason.FAILED,
                "Could not save profile " + profile.name() + " to " + file + "; check that the folder is writable.", e);
        }
    }

    /** The profile as the JSON this class reads and writes. */
    public static String toJson(TargetProfile profile) {
        try {
            return JSON.writeValueAsString(profile);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a profile could not be written as JSON", e);
        }
    }

    /**
     * Reads a profile from JSON.
     *
     * @throws IllegalArgumentException when the JSON is not a profile
     */
    public static TargetProfile fromJson(String json) {
        try {
            return JSON.readValue(json, TargetProfile.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a target profile: " + e.getMessage(), e);
        }
    }

    private static DockerException unreadable(Path path, IOException e) {
        return new DockerException(DockerException.Reason.FAILED,
            "Could not read the profiles in " + path + "; check the file is valid profile JSON.", e);
    }
}

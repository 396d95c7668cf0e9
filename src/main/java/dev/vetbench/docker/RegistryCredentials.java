package dev.vetbench.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A user name and password for a registry. {@link #toString()} never shows the password.
 *
 * @param username the registry user
 * @param password the password or access token
 */
public record RegistryCredentials(String username, String password) {

    public RegistryCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /**
     * Reads the password from the first line of a file, so it never appears on a command line.
     *
     * @throws DockerException when the file cannot be read (the message names the file, not its content)
     */
    public static RegistryCredentials withPasswordFile(String username, Path passwordFile) {
        try {
            String content = Files.readString(passwordFile, StandardCharsets.UTF_8);
            int end = content.indexOf('\n');
            String password = (end < 0 ? content : content.substring(0, end)).strip();
            return new RegistryCredentials(username, password);
        } catch (IOException e) {
            throw new DockerException(DockerException.Reason.FAILED,
                "Could not read the password file " + passwordFile + "; check that it exists and is readable.", e);
        }
    }

    @Override
    public String toString() {
        return "RegistryCredentials[username=" + username + ", password=***]";
    }
}

package dev.vetbench.ui.versions;

import java.nio.file.Path;

/**
 * How to reach a registry that asks for a login or uses a private CA. Held in memory only: nothing here is written
 * to disk or logged, and {@link #toString()} never shows the password.
 *
 * <p>Limitation: logins are typed in for the session; ~/.docker/config.json and credential helpers are not read.
 *
 * @param username the registry user, or empty for anonymous access
 * @param password the password or access token, or empty
 * @param caFile a PEM file with the CA certificate that signed the registry's certificate, or null for the Java
 *     default trust store
 */
public record RegistryAccess(String username, String password, Path caFile) {

    public RegistryAccess {
        username = username == null ? "" : username.strip();
        password = password == null ? "" : password;
    }

    public static RegistryAccess anonymous() {
        return new RegistryAccess("", "", null);
    }

    /** Whether a user name was given; the password may still be empty. */
    public boolean hasLogin() {
        return !username.isEmpty();
    }

    @Override
    public String toString() {
        return "RegistryAccess[username=" + username + ", password=" + (password.isEmpty() ? "" : "***")
            + ", caFile=" + caFile + "]";
    }
}

package dev.vetbench.testbed;

import java.nio.file.Path;

/**
 * How to log in to the test bed's authenticated registry ({@link TestBed#AUTH_REGISTRY}): the user, the file holding
 * the password, and the CA that signed the registry's certificate. The test bed script writes the same values to
 * {@code /var/lib/vetbench-testbed/testbed.env}; the environment variables of that file override the defaults.
 */
public final class RegistryLogin {

    /** The registry user. */
    public static final String USER = env("VETBENCH_TESTBED_AUTH_USER", "assessor");
    /** The file whose first line is the password (readable by root only). */
    public static final Path PASSWORD_FILE = Path.of(env("VETBENCH_TESTBED_AUTH_PASSWORD_FILE",
        "/var/lib/vetbench-testbed/registry-auth/password"));
    /** The CA certificate (PEM) of the registry's self-signed TLS certificate. */
    public static final Path CA_FILE = Path.of(env("VETBENCH_TESTBED_AUTH_CA",
        "/var/lib/vetbench-testbed/registry-auth/tls/ca.crt"));

    private RegistryLogin() {
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

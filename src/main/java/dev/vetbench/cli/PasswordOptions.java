package dev.vetbench.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Option;

/**
 * Where the PKCS#12 password comes from: a file, an environment variable, or the console. Never a plain command-line
 * argument, because those show up in process lists and shell history.
 */
final class PasswordOptions {

    @Option(names = "--password-file", paramLabel = "FILE",
        description = "Read the PKCS#12 password from the first line of FILE.")
    Path passwordFile;

    @Option(names = "--password-env", paramLabel = "NAME",
        description = "Read the PKCS#12 password from the environment variable NAME.")
    String passwordEnv;

    /** The password; the caller clears the array when done. */
    char[] read(String prompt, boolean confirm) throws PasswordException {
        if (passwordFile != null) {
            return fromFile(passwordFile);
        }
        if (passwordEnv != null) {
            String value = System.getenv(passwordEnv);
            if (value == null || value.isEmpty()) {
                throw new PasswordException("The environment variable " + passwordEnv + " is not set; set it or "
                    + "use --password-file.");
            }
            return value.toCharArray();
        }
        return fromConsole(prompt, confirm);
    }

    private static char[] fromFile(Path file) throws PasswordException {
        byte[] bytes = null;
        try {
            bytes = Files.readAllBytes(file);
            int end = 0;
            while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
                end++;
            }
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes, 0, end));
            char[] password = Arrays.copyOf(chars.array(), chars.limit());
            Arrays.fill(chars.array(), '\0');
            return password;
        } catch (IOException e) {
            throw new PasswordException("The password file " + file + " could not be read; check the path and its "
                + "permissions.");
        } finally {
            if (bytes != null) {
                Arrays.fill(bytes, (byte) 0);
            }
        }
    }

    private static char[] fromConsole(String prompt, boolean confirm) throws PasswordException {
        Console console = System.console();
        if (console == null) {
            throw new PasswordException("No password given: use --password-file or --password-env, or run the "
                + "command in a terminal to be asked for it.");
        }
        char[] password = console.readPassword("%s: ", prompt);
        if (password == null || password.length == 0) {
            throw new PasswordException("No password was entered.");
        }
        if (confirm) {
            char[] again = console.readPassword("Repeat the password: ");
            boolean same = Arrays.equals(password, again);
            if (again != null) {
                Arrays.fill(again, '\0');
            }
            if (!same) {
                Arrays.fill(password, '\0');
                throw new PasswordException("The two passwords differ; nothing was written.");
            }
        }
        return password;
    }

    /** The password could not be obtained; the message is one sentence. */
    static final class PasswordException extends Exception {
        private static final long serialVersionUID = 1L;

        PasswordException(String message) {
            super(message);
        }
    }
}

package dev.vetbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.report.SigningIdentity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The password reaches {@code vetbench keygen} from an environment variable or a real terminal (a pty). */
class PasswordSourcesTest {

    @TempDir
    Path dir;

    @Test
    void passwordFromAnEnvironmentVariableOpensTheCreatedIdentity() throws Exception {
        Path p12 = dir.resolve("env.p12");
        ProcessBuilder builder = vetbench("keygen", "--name", "Env Assessor", "--out", p12.toString(),
            "--password-env", "VETBENCH_TEST_PW");
        builder.environment().put("VETBENCH_TEST_PW", "from-the-environment-77");

        String output = run(builder);

        assertThat(SigningIdentity.load(p12, "from-the-environment-77".toCharArray()).describe().name())
            .isEqualTo("Env Assessor");
        assertThat(output).contains("Created ").doesNotContain("from-the-environment-77");
    }

    @Test
    void passwordTypedAtTheTerminalIsAskedTwiceAndOpensTheCreatedIdentity() throws Exception {
        Path p12 = dir.resolve("tty.p12");
        String command = String.join(" ", vetbench("keygen", "--name", "Tty", "--out", p12.toString()).command());
        // script(1) gives the command a pseudo-terminal, so System.console() exists as for a person at a terminal.
        ProcessBuilder builder = new ProcessBuilder("script", "-qec", command, "/dev/null");

        String output = runWithInput(builder, "typed-at-the-tty-31\ntyped-at-the-tty-31\n");

        assertThat(output).contains("Password for the new tty.p12:").contains("Repeat the password:");
        assertThat(SigningIdentity.load(p12, "typed-at-the-tty-31".toCharArray()).describe().name())
            .isEqualTo("Tty");
    }

    private static ProcessBuilder vetbench(String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
            "dev.vetbench.app.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    private static String run(ProcessBuilder builder) throws Exception {
        return runWithInput(builder, "");
    }

    private static String runWithInput(ProcessBuilder builder, String input) throws Exception {
        Process process = builder.redirectErrorStream(true).start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}

package dev.vetbench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real command-line verifier (pdfsig, openssl, pdftoppm) and keeps its exit code and output. */
record ExternalTool(int exitCode, String output) {

    static ExternalTool run(Path directory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).directory(directory.toFile())
            .redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command[0] + " did not finish within 60 s");
        }
        return new ExternalTool(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}

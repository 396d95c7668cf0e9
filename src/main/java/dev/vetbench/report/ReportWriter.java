package dev.vetbench.report;

import dev.vetbench.assessment.Assessment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one assessment as a PDF and a JSON report, both from the same model, signed when an identity is given:
 * {@code NAME.pdf} (PAdES), {@code NAME.json} and {@code NAME.json.p7s} (detached CMS, DER).
 *
 * <p>Everything is built and signed in memory first; the files appear only when all of it succeeded, so a failure
 * (a wrong password, a TSA that does not answer) leaves no output behind.
 */
public final class ReportWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ReportWriter.class);

    private final String generator;
    private final Optional<SigningIdentity> identity;
    private final Optional<TimestampClient> tsa;

    /**
     * @param generator names the build in the JSON, e.g. "vetbench 0.1.0"
     * @param identity who signs; empty for an unsigned draft
     * @param tsa an RFC 3161 time-stamp authority; empty (the default) to sign offline
     */
    public ReportWriter(String generator, Optional<SigningIdentity> identity, Optional<TimestampClient> tsa) {
        this.generator = generator;
        this.identity = identity;
        this.tsa = tsa;
    }

    /** The JSON path that goes with a PDF path: {@code report.pdf} gives {@code report.json}. */
    public static Path jsonPathFor(Path pdf) {
        String name = pdf.getFileName().toString();
        String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf") ? name.substring(0, name.length() - 4)
            : name;
        return pdf.resolveSibling(base + ".json");
    }

    /** The detached signature path of a JSON file: {@code report.json.p7s}. */
    public static Path signaturePathFor(Path json) {
        return json.resolveSibling(json.getFileName() + ".p7s");
    }

    /** Builds, signs and writes the report next to {@code pdf}. */
    public ReportFiles write(Assessment assessment, Path pdf, Instant time) throws ReportException {
        // One time for the JSON, the PDF pages and the signature's M entry, to the second as people read it.
        Instant now = time.truncatedTo(ChronoUnit.SECONDS);
        ReportDocument document = ReportDocument.of(assessment, now, generator);
        byte[] json = document.toJson();
        RenderedReport rendered = PdfReportWriter.render(assessment, document, json,
            identity.map(SigningIdentity::describe));
        Map<Path, byte[]> outputs = new LinkedHashMap<>();
        Path jsonPath = jsonPathFor(pdf);
        Optional<Path> signaturePath = Optional.empty();
        if (identity.isPresent()) {
            outputs.put(pdf, PdfSigner.sign(rendered.pdf(), identity.get(), now,
                "Container security assessment of " + assessment.product(), tsa));
            signaturePath = Optional.of(signaturePathFor(jsonPath));
            outputs.put(signaturePath.get(), CmsSigner.sign(json, identity.get(),
                CmsSigner.Profile.DETACHED_FILE, tsa));
        } else {
            outputs.put(pdf, rendered.pdf());
        }
        outputs.put(jsonPath, json);
        writeAll(outputs);
        LOG.info("Wrote {} ({} bytes, {} pages{}) and {}", pdf, outputs.get(pdf).length, rendered.pageCount(),
            identity.isPresent() ? ", signed" : ", unsigned", jsonPath);
        return new ReportFiles(pdf, jsonPath, signaturePath, outputs.get(pdf).length, json.length);
    }

    /** Stages every file next to its target, then renames them into place; on failure nothing new remains. */
    private static void writeAll(Map<Path, byte[]> outputs) throws ReportException {
        List<Path> staged = new ArrayList<>();
        try {
            for (Map.Entry<Path, byte[]> output : outputs.entrySet()) {
                Path target = output.getKey().toAbsolutePath();
                Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
                staged.add(temporary);
                Files.write(temporary, output.getValue());
            }
            int index = 0;
            for (Path target : outputs.keySet()) {
                Files.move(staged.get(index++), target.toAbsolutePath(), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new ReportException("The report could not be written to " + outputs.keySet().iterator().next()
                .toAbsolutePath().getParent() + "; check that the folder exists and is writable.", e);
        } finally {
            for (Path temporary : staged) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    LOG.debug("Could not remove temporary file {}", temporary, e);
                }
            }
        }
    }
}

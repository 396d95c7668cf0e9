package dev.vetbench.assessment;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@code .vetbench} files: the assessment as JSON inside an envelope that names the format and its
 * version.
 *
 * <p>Saving is atomic: the new content goes to a temporary file in the same directory, is forced to disk, and then
 * replaces the old file with one rename. A crash at any moment leaves either the old or the new file, never a mix.
 */
public final class AssessmentFiles {

    /** The file name extension of assessment files. */
    public static final String EXTENSION = ".vetbench";
    /** The format written by this build; files of a higher version are refused rather than half-read. */
    public static final int FORMAT_VERSION = 1;
    static final String FORMAT = "vetbench-assessment";

    private static final Logger LOG = LoggerFactory.getLogger(AssessmentFiles.class);

    private AssessmentFiles() {
    }

    /** What a {@code .vetbench} file holds. */
    record Envelope(String format, int formatVersion, Assessment assessment) {
    }

    /** Saves the assessment atomically to the file. */
    public static void save(Assessment assessment, Path file) throws AssessmentFileException {
        byte[] bytes;
        try {
            bytes = AssessmentJson.mapper().writeValueAsBytes(new Envelope(FORMAT, FORMAT_VERSION, assessment));
        } catch (JacksonException e) {
            throw new AssessmentFileException("The assessment could not be converted for saving; this is a bug.", e);
        }
        try {
            writeAtomically(file, bytes);
        } catch (IOException e) {
            throw new AssessmentFileException("The assessment could not be saved to " + file
                + "; check that the folder exists, is writable and has free space.", e);
        }
        LOG.debug("Saved assessment {} ({} results) to {}", assessment.id(), assessment.results().size(), file);
    }

    /** Opens an assessment file, whole or not at all. */
    public static Assessment open(Path file) throws AssessmentFileException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new AssessmentFileException("The assessment file " + file + " does not exist.", e);
        } catch (IOException e) {
            throw new AssessmentFileException("The assessment file " + file + " could not be read; check its "
                + "permissions.", e);
        }
        return parse(bytes, file.toString());
    }

    /** Reads an assessment from the bytes of a {@code .vetbench} file; {@code name} is used in error messages. */
    public static Assessment parse(byte[] bytes, String name) throws AssessmentFileException {
        JsonNode root = readTree(bytes, name);
        if (!root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new AssessmentFileException(name + " is not a Vetbench assessment file.");
        }
        int version = root.path("formatVersion").asInt(-1);
        if (version > FORMAT_VERSION) {
            throw new AssessmentFileException(name + " was saved by a newer Vetbench (format " + version
                + ", this build reads up to " + FORMAT_VERSION + "); update Vetbench to open it.");
        }
        if (version < 1) {
            throw new AssessmentFileException(name + " has no valid format version; it is damaged.");
        }
        try {
            return AssessmentJson.mapper().treeToValue(root, Envelope.class).assessment();
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new AssessmentFileException(name + " is damaged and could not be opened; restore it from a "
                + "backup.", e);
        }
    }

    private static JsonNode readTree(byte[] bytes, String name) throws AssessmentFileException {
        try {
            JsonNode root = AssessmentJson.mapper().readTree(bytes);
            if (root == null || root.isMissingNode()) {
                throw new AssessmentFileException(name + " is empty; it is not a Vetbench assessment file.");
            }
            return root;
        } catch (IOException e) {
            throw new AssessmentFileException(name + " is damaged and could not be opened; restore it from a "
                + "backup.", e);
        }
    }

    /**
     * Writes bytes to a file so that readers see either the old or the new content: temporary file in the same
     * directory (a rename is only atomic within one file system), fsync, atomic rename, fsync of the directory so
     * the rename itself survives a power cut.
     */
    static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        Path temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            move(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
        syncDirectory(directory);
    }

    /** Deletes temporary files of interrupted saves of this file (named {@code .NAME*.tmp} beside it). */
    static void removeStaleTemporaries(Path file) {
        Path target = file.toAbsolutePath();
        String prefix = "." + target.getFileName();
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(target.getParent(), prefix + "*.tmp")) {
            for (Path temporary : stale) {
                Files.deleteIfExists(temporary);
                LOG.debug("Removed {} left by an interrupted save", temporary);
            }
        } catch (IOException e) {
            LOG.debug("Could not clean temporary files beside {}: {}", target, e.toString());
        }
    }

    private static void move(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Limitation: a file system without atomic rename (some network shares) gets a plain replace.
            LOG.warn("Atomic rename is not supported in {}; replacing the file non-atomically", target.getParent());
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory as a channel; NTFS journals the rename itself.
            LOG.debug("Could not fsync directory {}: {}", directory, e.toString());
        }
    }
}

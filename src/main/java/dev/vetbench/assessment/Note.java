package dev.vetbench.assessment;

import java.time.Instant;
import java.util.Objects;

/**
 * An assessor's note, on the whole assessment or on one result.
 *
 * @param versionId the version it is about, or empty for the whole assessment
 * @param checkId the check it is about, or empty for the whole assessment or version
 * @param text the note
 * @param author who wrote it
 * @param writtenAt when it was written
 */
public record Note(String versionId, String checkId, String text, String author, Instant writtenAt) {

    public Note {
        versionId = versionId == null ? "" : versionId;
        checkId = checkId == null ? "" : checkId;
        Objects.requireNonNull(text, "text");
        author = author == null ? "" : author;
        Objects.requireNonNull(writtenAt, "writtenAt");
    }
}

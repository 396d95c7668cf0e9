package dev.vetbench.assessment;

import java.util.Objects;

/**
 * The person who signs the assessment.
 *
 * @param name full name, as on the signing certificate
 * @param organisation the organisation the assessor works for
 * @param role the assessor's role, e.g. "Security officer"
 */
public record Assessor(String name, String organisation, String role) {

    public Assessor {
        Objects.requireNonNull(name, "name");
        organisation = organisation == null ? "" : organisation;
        role = role == null ? "" : role;
    }
}

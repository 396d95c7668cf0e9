package dev.vetbench.assessment;

import dev.vetbench.checks.CheckResult;
import java.util.Objects;

/**
 * The result of one check on one image version of the scope.
 *
 * @param versionId the {@link ImageVersion#id()} the result belongs to
 * @param result the verdict with its evidence, exactly as the check returned it
 */
public record ResultEntry(String versionId, CheckResult result) {

    public ResultEntry {
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(result, "result");
    }

    /** The check this result is for. */
    public String checkId() {
        return result.checkId();
    }
}

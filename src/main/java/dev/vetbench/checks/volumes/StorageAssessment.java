package dev.vetbench.checks.volumes;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the storage behind one mount is, as far as the host shows it.
 *
 * @param protection encrypted, not encrypted, or not determinable from what the host exposed
 * @param mechanism e.g. {@code dm-crypt (LUKS2)}, {@code fscrypt v2}, {@code FUSE gocryptfs}, {@code ZFS native
 *     encryption}; for unencrypted storage the filesystem
 * @param cipher the cipher where the host exposes it, e.g. {@code AES-256-XTS (contents), AES-256-CTS
 *     (filenames)}
 * @param chain the mount chain from the mount down to the device, one step per line
 * @param explanation one sentence for people
 */
public record StorageAssessment(Protection protection, String mechanism, Optional<String> cipher, List<String> chain,
        String explanation) {

    /** Whether the storage is encrypted at rest. */
    public enum Protection {
        ENCRYPTED,
        UNENCRYPTED,
        UNDETERMINED
    }

    public StorageAssessment {
        Objects.requireNonNull(protection, "protection");
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(cipher, "cipher");
        Objects.requireNonNull(explanation, "explanation");
        chain = List.copyOf(chain);
    }
}

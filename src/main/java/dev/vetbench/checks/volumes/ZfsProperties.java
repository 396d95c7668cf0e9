package dev.vetbench.checks.volumes;

import dev.vetbench.checks.volumes.StorageAssessment.Protection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads ZFS native encryption from {@code zfs get -H -o name,property,value,source} output (zfs(8)). */
final class ZfsProperties {

    private ZfsProperties() {
    }

    static StorageAssessment assess(HostStorageSnapshot snapshot, MountInfoLine mount, List<String> chain) {
        Optional<HostStorageSnapshot.Read> run = snapshot.run("zfs get");
        Map<String, String> properties = run.map(r -> parse(r.content(), mount.source())).orElse(Map.of());
        String encryption = properties.get("encryption");
        // Limitation: reading ZFS properties needs a helper image with the zfs command and the host's /dev/zfs;
        // the default minbase helper has neither, so a ZFS-backed mount ends in ERROR (undetermined), never PASS.
        if (encryption == null) {
            String why = run.map(r -> "zfs get answered: " + String.join(" ", r.content()))
                .orElse("the helper image has no zfs command");
            return new StorageAssessment(Protection.UNDETERMINED, "ZFS", Optional.empty(), chain,
                "The mount is the ZFS dataset " + mount.source() + ", but its encryption property could not be read ("
                    + why + ").");
        }
        if (encryption.equals("off")) {
            return new StorageAssessment(Protection.UNENCRYPTED, "ZFS", Optional.empty(), chain,
                "The ZFS dataset " + mount.source() + " has encryption=off.");
        }
        String keyStatus = properties.getOrDefault("keystatus", "unknown");
        String root = properties.getOrDefault("encryptionroot", mount.source());
        // A value of "on" means the default cipher, aes-256-gcm since OpenZFS 0.8.4 (zfsprops(7)).
        String cipher = encryption.equals("on") ? "AES-256-GCM (encryption=on)" : encryption.toUpperCase();
        return new StorageAssessment(Protection.ENCRYPTED, "ZFS native encryption", Optional.of(cipher), chain,
            "The ZFS dataset " + mount.source() + " is encrypted with " + cipher + " (encryption root " + root
                + ", key " + keyStatus + ").");
    }

    /** Property to value for the dataset, from tab-separated {@code name property value source} lines. */
    static Map<String, String> parse(List<String> lines, String dataset) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String line : lines) {
            String[] fields = line.split("\t");
            if (fields.length >= 3 && fields[0].equals(dataset)) {
                properties.put(fields[1], fields[2]);
            }
        }
        return properties;
    }
}
